/**
 * What Chinese web pages put around an article, as rules that hold across sites: the parts of a
 * page that are the site's rather than the article's. Written as data so they can be read and
 * extended in one place; no rule names a site or a domain.
 */

/** class or id words of containers that hold no article text (matched against -/_ separated parts). */
export const BOILERPLATE_NAME_PARTS = new Set([
  "ad", "ads", "adv", "advert", "advertisement", "adsbygoogle", "adslot", "banner", "sponsor", "sponsored", "promo",
  "share", "sharing", "social", "sns", "bdshare", "jiathis", "reward", "donate", "dashang", "zanshang", "tip", "tips",
  "related", "relate", "recommend", "recommended", "recommendation", "tuijian", "xiangguan", "hot", "popular", "rank",
  "comment", "comments", "reply", "respond", "pinglun", "discuss",
  "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "sidebar", "aside", "widget",
  "footer", "copyright", "banquan", "disclaimer", "notice", "announcement", "alert", "subscribe", "newsletter",
  "qrcode", "qr", "login", "signin", "register", "toolbar", "pagination", "pager", "pagenav", "postnav",
  "prevnext", "prev", "next", "author-box", "authorbox", "cookie", "popup", "modal", "taboola", "outbrain",
  "print", "fontsize", "tagcloud", "tags", "keywords", "taglist", "post-tags", "entry-tags", "meta-tags",
]);

/** Name parts that mark furniture however they continue (comment-list, cmtbox, sharebar, relatedposts). */
export const BOILERPLATE_NAME_PREFIXES = [
  "comment", "cmt", "reply", "replies", "gentie", "pinglun", "related", "recommend", "advert", "sidebar", "share",
  "social", "breadcrumb", "copyright", "reward", "donate", "dashang", "footer", "navbar", "subscribe", "qrcode",
];

/** Elements that never hold article text, or that must not pass into the archive. */
export const STRIPPED_ELEMENTS = [
  "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "button",
  "input", "select", "textarea", "svg", "canvas", "template", "link", "meta", "nav", "aside", "footer", "dialog",
  "audio", "video", "source", "track", "map", "area", "base",
];

/** A short line that starts the site's lists after an article: related posts, neighbours, comments. */
export const RELATED_START =
  /^(?:相[关關](?:推荐|推薦|阅读|閱讀|文章|新[闻聞]|资讯|資訊|内容|內容|链接|鏈接|话题|話題)|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|猜你喜[欢歡]|热门(?:文章|推荐|阅读|新闻)|熱門(?:文章|推薦|閱讀|新聞)|更多精彩|精彩推[荐薦]|往期(?:回顾|回顧|精选|精選|推荐|推薦)|你可能(?:还|還)?(?:喜欢|喜歡|感兴趣|感興趣)|上一篇|下一篇|上一[条條]|下一[条條]|发表评论|發表評論|发表回复|發表回覆|网友评论|網友評論|评论列表|評論列表|全部评论|全部評論|热门评论|熱門評論)/;

/** A line that starts the site's footer under an article: copyright and disclaimers. */
export const FOOTER_START = /^(?:[-—–=\s]*(?:END|THE END|全文完|完)[-—–=\s]*$|[（(]完[)）]$|(?:版权|版權|免责|免責)(?:声明|聲明)|版[权權]所有|本文(?:版权|版權)|copyright\b|©)/i;

/** `以上就是…的详细内容`: the closing formula of content farms; the article ends before it. */
export const CLOSING_FORMULA = /^以上就是.{0,80}?的(?:详细|詳細|全部|全)?(?:内容|內容)/;

/** A line that is a stand-in for something the scraper dropped (an image, a video, an ad). */
export const PLACEHOLDER =
  /^[▲△↑▼↓]?\s*(?:图片|圖片|图像|圖像|image|img|photo|picture|图|圖|视频|視頻|video|广告|廣告|advertisement|点击(?:查看)?大图|點擊(?:查看)?大圖|查看原图|查看原圖|加载中|載入中|loading)\s*[.…。]*$/i;

/** Lines the site adds around an article: share, reward, follow, report, edit credits. */
export const SITE_LINE =
  /^(?:分享(?:到|至|本文)?[:：]?|打[赏賞]|[赞讚][赏賞]|微信[扫掃]一[扫掃]|支付[宝寶][扫掃]一[扫掃]|[扫掃]一[扫掃]|[扫掃][码碼]|点[赞讚]|點讚|收藏|举报|舉報|关注(?:我们|微信|公众号)|關注(?:我們|微信|公眾號)|[责責]任[编編][辑輯]|[责責][编編]|本文(?:来自|來自|转载自|轉載自)|原[标標]题|原[标標]題|图片(?:来源|來源)|圖片(?:來源|来源)|(?:阅读|閱讀|浏览|瀏覽)(?:量|数|數|次数|次數)?[:：]?\s*\d|\(\d+\)$|（\d+）$|返回(?:首页|首頁|顶部|頂部|列表)|登录后|登入後|本帖最[后後]由|(?:阅读|閱讀)(?:约|約|需要?|時間|时间)\s*[:：]?\s*\d+\s*分[钟鐘]|点个[“"]?在看|點個[「“"]?在看|[（(]?未完.{0,8}[下次]一?[页頁]|最[后後](?:编辑|編輯)于|最[后後](?:编辑|編輯)於)/;

/** Words of a call to action: a short line that carries one is an ad. */
export const CALL_TO_ACTION =
  /喜[欢歡](?:这|這)篇|按[赞讚]|(?:关注|關注|追[踪蹤]|订阅|訂閱)我[们們]|查看详情|查看詳情|立即(?:下载|下載|体验|體驗|购买|購買|咨询|諮詢|注册|註冊|使用|领取|領取)|免费(?:下载|使用|试用|领取)|免費(?:下載|使用|試用|領取)|点击(?:下载|进入|领取|购买)|點擊(?:下載|進入|領取|購買)|马上(?:使用|体验)|了解更多|扫码(?:领取|下载|关注)|限时(?:优惠|免费)/;

/** A line led by a pointing symbol: a promotion. */
export const PROMOTION = /^[\s]*[☞☛👉👇▶►➤➜→⇒🔥✅⭐★☆]+/u;

/** Words on neighbour and related-post lines, whose dates are other articles'. */
export const NEIGHBOUR_LINE = /上一篇|下一篇|上一[条條]|下一[条條]|上篇|下篇|前一篇|后一篇|後一篇|相[关關]|推[荐薦]|热门|熱門|猜你喜/;

/** Sentence-closing punctuation: a line that ends without it may be a heading. */
export const CLOSING_PUNCTUATION = /[。！？!?…；;：:，,、”」』"'’）)\]】》〉.~～]$/;

/** Labels of a metadata line (`作者：张三`, `来源：新华社`, `发布时间：…`). */
export const METADATA_LABEL =
  /(?:^|\s|\d)(?:作\s*者|[编編]\s*[辑輯]|[责責][编編]|[记記]\s*者|撰文|文\s*[／/]|(?:信息|文章|本文|稿件)?[来來]\s*源|出\s*[处處]|[发發][布佈表](?:[时時][间間]|日期|者|于|於)?|[时時]\s*[间間]|日\s*期|更新(?:[时時][间間])?|[浏瀏][览覽]|[阅閱][读讀]|点击|點擊|[标標][签籤]|[关關][键鍵][词詞字]|tags?|posted|author|source)\s*[:：]/i;

/** Removes `utm_*` and similar tracking parameters from an address. */
export function withoutTracking(url: URL): URL {
  for (const key of [...url.searchParams.keys()]) {
    if (/^(?:utm_\w+|spm|from|fromid|share_token|sharer?|fbclid|gclid|mc_cid|mc_eid|scene|src|wechat_redirect|wxshare)$/i.test(key)) {
      url.searchParams.delete(key);
    }
  }
  return url;
}

/** An address that only counts clicks or redirects: its link is dropped, its words kept. */
export function isTrackingUrl(url: URL): boolean {
  return (
    /(?:^|\.)(?:doubleclick\.net|googlesyndication\.com|googleadservices\.com|adservice\.|ads?\.|click\.|track(?:ing)?\.)/i.test(url.hostname) ||
    /\/(?:redirect|redir|jump|go|link|click|out|track)(?:\.php|\.aspx?)?$/i.test(url.pathname) && /(?:^|&)(?:url|u|target|to|link)=/i.test(url.search.slice(1))
  );
}

/** An address of a site's tag, keyword, topic or search page. */
export function isTagPageUrl(url: URL): boolean {
  return /\/(?:tags?|keywords?|topics?|search|label|labels|tagged|biaoqian|zt|special)(?:\/|\.|$|\?)/i.test(url.pathname + (url.search ? "?" : "")) ||
    /(?:^|&)(?:tag|tags|keyword|keywords|kw|q|wd|s)=/i.test(url.search.slice(1));
}
