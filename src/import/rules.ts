/**
 * The importer's rules for Chinese web pages, as data, one table per kind: what the site wrote
 * around an article (its furniture), where an article ends, how pages label their metadata, how
 * titles carry site names, how images and captions are written, which addresses only track, and
 * how text dumps lay out lists and headings. Each rule holds across sites: none names a site or a
 * domain. To teach the importer a new kind of page, add to the table of its kind here; the code
 * that applies them is in find-article.ts, clean-article.ts, blocks.ts, metadata.ts, markup.ts,
 * text.ts and addresses.ts.
 */

// ── Containers: the site's furniture, by the class or id words of its elements ───────────────

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
  "print", "fontsize", "excerpt", "dek", "standfirst", "readtime", "download", "appdownload", "errata", "jiucuo", "tagcloud", "tags", "keywords", "taglist", "post-tags", "entry-tags", "meta-tags",
]);

/** Name parts that mark furniture however they continue (comment-list, cmtbox, sharebar, relatedposts). */
export const BOILERPLATE_NAME_PREFIXES = [
  "comment", "cmt", "reply", "replies", "gentie", "pinglun", "related", "recommend", "advert", "sidebar", "share",
  "social", "breadcrumb", "copyright", "reward", "donate", "dashang", "footer", "navbar", "subscribe", "qrcode",
];

/** class or id words of the article's own container: never furniture, whatever else it is called. */
export const CONTENT_NAME_PARTS = new Set(["article", "content", "main", "post", "entry", "body", "story", "text", "detail", "news", "single", "page"]);

/** Elements that never hold article text, or that must not pass into the archive. */
/** The label of a row in a table of an item's fields (`標題`, `發布單位`, `发布日期`): a few characters. */
export const ROW_LABEL = /^[\p{Script=Han}]{2,6}$/u;

export const STRIPPED_ELEMENTS = [
  "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "button",
  "input", "select", "textarea", "svg", "canvas", "template", "link", "meta", "nav", "aside", "footer", "dialog",
  "audio", "video", "source", "track", "map", "area", "base",
];

// ── Lines: where the article ends, and the site's lines inside it ────────────────────────────

/** A short line that starts the site's lists after an article: related posts, neighbours, comments. */
export const RELATED_START =
  /^(?:(?:[记記]者|作者|博主|本[报報]|本站|本台)\S{0,6}?(?:其他|更多|其它)(?:新[闻聞]|[报報][导導道]|文章|博文|作品)|更多(?:新[闻聞]|[报報][导導道]|文章|博文)|[热熱]門(?:影音|影片|视频|視頻|[关關][键鍵]字|搜[寻尋索])|[点點][阅閱]排行|[阅閱][读讀]排行|排行榜|相[关關](?:推荐|推薦|阅读|閱讀|文章|新[闻聞]|资讯|資訊|内容|內容|链接|鏈接|话题|話題)|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|猜你喜[欢歡]|热门(?:文章|推荐|阅读|新闻)|熱門(?:文章|推薦|閱讀|新聞)|更多精彩|精彩推[荐薦]|往期(?:回顾|回顧|精选|精選|推荐|推薦)|你可能(?:还|還)?(?:喜欢|喜歡|感兴趣|感興趣)|上一篇|下一篇|上一[条條]|下一[条條]|发表评论|發表評論|发表回复|發表回覆|网友评论|網友評論|评论列表|評論列表|全部评论|全部評論|热门评论|熱門評論)/;

/** A line that starts the site's footer under an article: copyright and disclaimers. */
export const FOOTER_START = /^(?:[-—–=\s]*(?:END|THE END|全文完|完)[-—–=\s]*$|[（(]完[)）]$|[【\[]?(?:版权|版權|免责|免責)(?:声明|聲明)|(?:新[闻聞])?[联聯][络絡](?:人|[单單]位)\s*[:：]|附件下[载載]|版[权權]所有|本文(?:版权|版權)|copyright\b|©)/i;

/** `完`, `（完）`, `-完-`: the mark that ends a release or a wire story. */
export const END_MARK = /^[-—–=\s]*[（(]?\s*完\s*[)）]?[-—–=\s]*$/;

/** `以上就是…的详细内容`: the closing formula of content farms; the article ends before it. */
export const CLOSING_FORMULA = /^以上就是.{0,80}?的(?:详细|詳細|全部|全)?(?:内容|內容)/;

/** A line that is a stand-in for something the scraper dropped (an image, a video, an ad). */
export const PLACEHOLDER =
  /^[▲△↑▼↓]?\s*(?:图片|圖片|图像|圖像|image|img|photo|picture|图|圖|视频|視頻|video|广告|廣告|advertisement|点击(?:查看)?大图|點擊(?:查看)?大圖|查看原图|查看原圖|加载中|載入中|loading)\s*[.…。]*$|^\d{1,2}\s*\/\s*\d{1,2}$/i;

/** Lines the site adds around an article: share, reward, follow, report, edit credits. */
export const SITE_LINE =
  /^(?:分享(?:到|至|本文)?[:：]?|打[赏賞]|[赞讚][赏賞]|微信[扫掃]一[扫掃]|支付[宝寶][扫掃]一[扫掃]|[扫掃]一[扫掃]|[扫掃][码碼]|点[赞讚]|點讚|收藏|举报|舉報|关注(?:我们|微信|公众号)|關注(?:我們|微信|公眾號)|[责責]任[编編][辑輯]|[责責][编編]|本文(?:来自|來自|转载自|轉載自)|原[标標]题|原[标標]題|图片(?:来源|來源)|圖片(?:來源|来源)|(?:阅读|閱讀|浏览|瀏覽)(?:量|数|數|次数|次數)?[:：]?\s*\d|\(\d+\)$|（\d+）$|返回\S{0,6}?(?:首页|首頁|顶部|頂部|列表)|[【\[(（]\s*(?:[责責]任)?[编編][辑輯]\s*[:：]|登录后|登入後|本帖最[后後]由|(?:阅读|閱讀)(?:约|約|需要?|時間|时间)\s*[:：]?\s*[约約]?\s*\d+\s*分[钟鐘]|点个[“"]?在看|點個[「“"]?在看|[（(]?未完.{0,8}[下次]一?[页頁]|最[后後](?:编辑|編輯)于|最[后後](?:编辑|編輯)於)/;

/** Words of a call to action: a short line that carries one is an ad. */
export const CALL_TO_ACTION =
  /喜[欢歡](?:这|這)篇|下[载載].{0,12}?(?:[aA][pP][pP]|客[户戶]端)|按[赞讚]|(?:关注|關注|追[踪蹤]|订阅|訂閱)我[们們]|查看详情|查看詳情|立即(?:下载|下載|体验|體驗|购买|購買|咨询|諮詢|注册|註冊|使用|领取|領取)|免费(?:下载|使用|试用|领取)|免費(?:下載|使用|試用|領取)|点击(?:下载|进入|领取|购买)|點擊(?:下載|進入|領取|購買)|马上(?:使用|体验)|了解更多|扫码(?:领取|下载|关注)|限时(?:优惠|免费)/;

/** A line led by a pointing symbol: a promotion. */
export const PROMOTION = /^[\s]*[☞☛👉👇▶►➤➜→⇒🔥✅⭐★☆]+/u;

/** Words on neighbour and related-post lines, whose dates are other articles'. */
export const NEIGHBOUR_LINE = /上一篇|下一篇|上一[条條]|下一[条條]|上篇|下篇|前一篇|后一篇|後一篇|相[关關]|推[荐薦]|热门|熱門|猜你喜/;

/** Sentence-closing punctuation: a line that ends without it may be a heading. */
export const CLOSING_PUNCTUATION = /[。！？!?…；;：:，,、”」』"'’）)\]】》〉.~～]$/;

/** A site's note to readers above an article (`备注：…`, `温馨提示：…`), not the author's words. */
export const READER_NOTICE = /^.{0,8}?(?:备注|備註|注意|提示|温馨提示|溫馨提示|声明|聲明|公告|通知|友情提示)\s*[:：]/;

/** `转载请注明出处`, `原文链接：`: the reprint notice a site adds. */
export const REPOST_LINE =
  /^本文(?:由|为|為|系|係).{0,24}?原[创創].{0,12}?(?:转载|轉載)|^本文[转轉][载載]自|^(?:(?:转载|轉載|转|轉)+)?[请請]?注明(?:出[处處]|[来來]源)|^原文(?:链接|鏈接|地址)\s*[:：]|(?:未[经經]|非[经經])(?:本\S{0,6}?)?(?:授[权權]|[许許]可|同意).{0,30}?(?:不得|禁止|[严嚴]禁|不許|不许)/;

// ── Metadata in the words: labels of bylines, sources and dates ──────────────────────────────

/** Labels of a metadata line (`作者：张三`, `来源：新华社`, `发布时间：…`). */
export const METADATA_LABEL =
  /(?:^|\s|\d)(?:作\s*者|[编編]\s*[辑輯]|[责責][编編]|[记記]\s*者|撰文|文\s*[／/]|(?:信息|文章|本文|稿件)?[来來]\s*源|出\s*[处處]|[发發][布佈表](?:[时時][间間]|日期|者|[单單]位|于|於)?|[时時]\s*[间間]|日\s*期|更新(?:[时時][间間])?|[浏瀏][览覽]|[阅閱][读讀]|点击|點擊|[标標][签籤]|[关關][键鍵][词詞字]|(?:全站|[个個]人|文章|所[属屬])?分[类類]|[标標][题題]|截止日期|[联聯][络絡](?:人|[单單]位|[电電][话話])|tags?|posted|author|source)\s*[:：]/i;

/** The value after a label: up to the next separator. */
export const LABEL_VALUE = String.raw`\s*[:：]\s*([^\s|｜/／,，;；()（）【】\[\]]{1,30})`;
// 作者：记者 梁文涛 通讯员 苏敏 names the reporter after the role word.
export const ROLE = String.raw`(?:(?:特约|特約|实习|實習|本[报報])?[记記]者|通[讯訊]员|通[讯訊]員|[编編][辑輯])\s+`;
export const AUTHOR_LINE = new RegExp(
  String.raw`(?:^|[\s|｜\d])(?:作\s*者|[发發]布者|[楼樓]主|張貼者|张贴者|撰文|文字?(?:\s*[/／]\s*[图圖摄攝])?|[图圖]\s*[/／]\s*文)\s*[:：|｜/／]\s*(?:${ROLE})?([^\s|｜/／,，;；()（）【】\[\]]{1,30})`,
);
/** `记者 林立 王芳`: reporters named after the role word, on a short line. */
export const REPORTER_LINE = /(?:^|[\s|｜])(?:本[报報]|特[约約]|[实實][习習])?[记記]者\s+((?:[\p{Script=Han}·]{2,4}(?:[、，,\s]+|$))+)/u;
/** `作者：记者 谭一鸣 林小溪`: several reporters after the label and the role word. */
export const REPORTERS_AFTER_LABEL = /作\s*者\s*[:：]\s*(?:本[报報]|特[约約]|[实實][习習])?[记記]者\s+((?:[\p{Script=Han}·]{2,4}(?:[、，,\s]+|$))+)/u;
/** `作者：赵一鸣 许晴`: names alone after the label, up to the end of the line or the next field. */
export const NAMES_AFTER_LABEL =
  /作\s*者\s*[:：]\s*([\p{Script=Han}·]{2,4}(?:\s*[、，,]\s*[\p{Script=Han}·]{2,4}|\s+[\p{Script=Han}·]{2,4}){1,7})(?=\s*$|\s{2,}|\s*[|｜]|\s+\d|\s+\S{2,4}\s*[:：])/u;
/** A line that is only a byline (`本报记者 韩立秋 邓雨桐`, `記者賴思妤／台中報導`): above the text, not part of it. */
export const BYLINE_ONLY =
  /^(?:本[报報]|特[约約]|[实實][习習])?[记記]者[\s:：]*(?:[\p{Script=Han}·]{2,4}(?:[、，,\s]+|$))+$|^(?:本[报報]|特[约約]|[实實][习習])?[记記]者\s*[\p{Script=Han}·]{2,4}(?:\s*[、，,]\s*[\p{Script=Han}·]{2,4}|\s+[\p{Script=Han}·]{2,4}){0,7}\s*[／/]\s*[\p{Script=Han}]{1,6}?(?:[报報][导導道]|[电電])$/u;
/** `記者賴思妤／台中報導` as a byline of its own. */
export const REPORTER_BYLINE = /^(?:[实實][习習]|特[约約])?[记記]者\s*([\p{Script=Han}·]{2,4}(?:\s*[、，,]\s*[\p{Script=Han}·]{2,4}|\s+[\p{Script=Han}·]{2,4}){0,7}?)\s*[／/]\s*[\p{Script=Han}]{1,6}?(?:[报報][导導道]|[电電])/u;
/**
 * The reporters' mark opening or closing the text: `（记者林雅婷／嘉义报导）`, `〔記者王小明、李大華／台北報導〕`,
 * `【記者張家豪／高雄報導】`, `（记者张三、李四）` after a dateline, `（記者 陳志強）`.
 */
export const REPORTER =
  /[（(〔【\[]\s*(?:[实實][习習]|特[约約])?(?:[记記]者|[编編][译譯])\s*([\p{Script=Han}·]{2,4}(?:\s*[、，,]\s*[\p{Script=Han}·]{2,4}|\s+[\p{Script=Han}·]{2,4}){0,7}?)\s*(?:[／/][^）)〕】\]]{0,12})?[）)〕】\]]/u;
/** `（記者林雅婷攝）`, `（圖／記者王小明攝）`: a photographer's credit, not the byline. */
export const PHOTO_CREDIT = /(?:[摄攝](?:影)?|提供|翻攝|翻摄)\s*[）)〕】\]]$/;
/** `（中央社記者台北29日電）`: an agency's dateline naming its reporters before the place. */
export const AGENCY_REPORTER = /[（(]([\p{Script=Han}]{1,8}?)[记記]者((?:[\p{Script=Han}·]{2,4}[、，,]){0,7}[\p{Script=Han}·]{2,4})[\p{Script=Han}]{2,3}\d{1,2}日[电電]/u;
/** Words of a credit after the reporters' names (`记者 张三 通讯员 李四`): the names end there. */
export const CREDIT_ROLE = /^(?:通[讯訊][员員]|实习生|實習生|摄影|攝影|[编編][辑輯]|[责責][编編]|报道|報導|報道|综合|綜合)$/;
/** `【維港晨報專訊】`, `（港聲日報報道）` opening the text: the paper's own credit, naming the source. */
export const LEADING_AGENCY_MARK = /^\s*[【〔（(]\s*([\p{Script=Han}A-Za-z]{2,10}?)(?:[专專]?[讯訊]|[报報][道导導]|[电電])\s*[】〕）)]\s*/u;
/** A reporters' mark at the very start of the first paragraph: the site's byline, not the article's words. */
export const LEADING_REPORTER_MARK = /^\s*[〔【\[]\s*(?:[实實][习習]|特[约約])?[记記]者[^〕】\]]{2,40}?[／/][^〕】\]]{0,12}[〕】\]]\s*/u;
export const SOURCE_LINE = new RegExp(String.raw`(?:^|[\s|｜\d])(?:(?:信息|文章|本文|稿件|新[闻聞])?[来來]\s*源|出\s*[处處]|[发發]布机构|[發发]布機構)` + LABEL_VALUE);
// Not inside a longer label: 注册时间 and 更新时间 are not when the article was published.
export const DATE_LABEL = /(?<!\p{Script=Han})(?:[发發][布佈表](?:[时時][间間]|日期|于|於)?|[时時]\s*[间間]|日\s*期|posted(?:\s+on)?|date)\s*[:：]?\s*/iu;
/** `發布單位：嵐山市政府環境保護局`, `发文机关：…`: the body that issued a notice, when it names an organization (not a division of one, 綜合規劃組). */
export const ISSUER_LINE = /(?:^|[\s|｜])(?:[发發][布佈][单單]位|[发發]文[单單]位|[发發]文[机機][关關]|[發发][布佈][机機][关關])\s*[:：]\s*([^\s|｜,，;；]{2,30})/;
export const ORGANIZATION_ENDING = /(?:局|署|部|[会會]|院|府|所|[厅廳]|委|社|[报報]|[网網]|中心|公司|大[学學]|[学學]校)$/;
/** `【2023年5月30日讯】`: a news dateline. */
export const NEWS_DATELINE = /[【\[]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[讯訊]\s*[】\]]/;
export const REPOST_URL = /(?:转载|轉載|转|轉)?[请請]?注明(?:出[处處]|[来來]源)\s*[:：]?\s*(https?:\/\/[^\s，。,、）)]+)/;
/** `（中央社）`, `（新华网）`: the agency closing the last paragraph. */
export const CLOSING_AGENCY =
  /[（(]((?:[\p{Script=Han}A-Za-z]{1,10}(?:通[讯訊]社|新[闻聞][网網社]|日[报報]|[电電]视台|[电電]視台|社|[报報]|[网網]))|[A-Z][A-Za-z]{1,12})[）)]\s*$/u;

/** What no byline or source is: an address, a handle, a domain, numbers and marks only. */
export const NOT_A_NAME = /:\/\/|^(?:https?|ftp):|^@|^www\.|\.(?:com|cn|net|org|tw|hk)(?:\/|$)|^[\d\s\p{P}\p{S}]+$/u;
/** An editor's or proofreader's credit (`责任编辑：王五`, `編輯 林一`): never the author. */
export const EDITOR_CREDIT = /^(?:[责責]任)?[编編][辑輯]|^[责責][编編]|^[编編][审審]|^[校审審][对對稿]|^(?:主|总|總)[编編]/;
/** Buttons beside a page's tags and bylines (`【纠错】`, 收藏, 打印): the site's, not words of the article. */
export const SITE_ACTION =
  /^[【\[(（]?\s*(?:我要)?(?:只看(?:该|該)?(?:作者|[楼樓]主)|[关關]注(?:作者|他|她)?|纠错|糾錯|报错|報錯|回报错误|回報錯誤|举报|舉報|检举|檢舉|收藏|分享|打印|列印|评论|評論|留言|关闭|關閉|返回|顶部|頂部|更多|订阅|訂閱|rss|字[号號]|[大中小])\s*[】\])）]?$/i;

// ── Metadata in the markup ───────────────────────────────────────────────────────────────────

/** The label of a page's list of its tags (`标签：`, `關鍵詞：`, `Tags:`), and the class or id words of one. */
export const TAG_LABEL = /^\s*(?:(?:相[关關]|文章|本文)?[标標][签籤]|[关關][键鍵][词詞字]|tags?|topics?|话题|話題)\s*[:：]/i;
export const TAG_LABEL_ANYWHERE = /(?:[标標][签籤]|[关關][键鍵][词詞字]|tags?)\s*[:：]/i;
/** The label of a post's categories (`分类：`, `個人分類：`): not its tags. */
export const CATEGORY_LABEL = /^\s*\S{0,4}?(?:分[类類]|[类類]别|[类類]別|栏目|欄目|categor(?:y|ies))\s*[:：]/i;
export const CATEGORY_LABEL_ANYWHERE = /(?:分[类類]|[类類]别|[类類]別|栏目|欄目|categor(?:y|ies))\s*[:：]/i;
export const TAG_BLOCK_NAME = /(?:^|[\s_-])(?:tags?|keywords?|topics?|labels)(?:$|[\s_-])/i;
/** A tag is a word or a name, not a headline: short, without spaces. */
export const TAG_WORD = /^[^\s]{1,8}$|^[A-Za-z0-9.+#-]+(?: [A-Za-z0-9.+#-]+){0,2}$/;

// Containers of the site's furniture, whose metadata (a time, a byline) is another article's or a commenter's.
export const FURNITURE_CONTAINERS = "nav, aside, footer, [class*=related], [class*=comment], [class*=sidebar], [class*=widget]";
// Containers whose tag links are the site's (clouds, widgets), not the article's.
export const TAG_FURNITURE_CONTAINERS = "nav, aside, [class*=widget], [class*=sidebar], [class*=cloud], [class*=related]";
// Elements that hold an article's headline by their class or id, where it is no <h1>.
export const HEADLINE_ELEMENTS = "[id*=headline i], [class*=headline i], [class*=article-title i], [class*=news-title i], [class*=post-title i], [class*=entry-title i], [class*=rich_media_title i]";
// Where a post names its writer: microdata, rel, bylines, the post's author line (`.post-author`), not a comment's.
// A forum thread's first poster (`.authi`, `.postauthor`) too.
export const AUTHOR_ELEMENTS = '[itemprop="author"], [rel~="author"], .author, .byline, [class*=post-author i], [class*=entry-author i], [class*=article-author i], .authi, [class*=postauthor i], [id*=author_name i], [class*=author_name i], [class*=author-name i], [class$="-author" i]';
// Where a post's footer gives the time of day under a day's header (`於 下午3:20`).
export const TIME_ELEMENTS = ".published, [class*=timestamp], [class*=post-time], [class*=posttime]";
// A blogger's own name in the profile box of a blog (`个人资料`, `關於我`): the author of its posts.
export const PROFILE_NAMES = '[id*=nick], [class*=nick], [class*=profile] [class*=name], [class*=author-profile] [class*=name], [class*=profile-name], .vcard .fn';
// The publishing account on a platform's page (its nickname in the article's meta), not a commenter's.
export const ACCOUNT_NAMES = "#js_name, [class*=meta_nickname], [class*=account_nickname], [class*=account-name]";

/** JSON-LD types of an article. */
export const ARTICLE_TYPES = /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|Article|BlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|LiveBlogPosting)$/;
/** meta names and properties of the publication date, best first. */
export const PUBLISHED_META = [
  "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish_date",
  "publication_date", "dc.date.issued",
];
/** meta names of a date that may be the page's last change: taken only when the page's words give none. */
export const LOOSE_DATE_META = ["date", "dc.date", "sailthru.date"];

// ── Titles ───────────────────────────────────────────────────────────────────────────────────

/** What separates a title from the names of its section, site and platform in a `<title>`. */
export const TITLE_SEPARATOR = /\s+[|｜\-–—@]\s+|\s*[|｜_]\s*|\s+[-–—]{1,2}\s+|\s*::\s*|\s*[»«]\s*/;
/** Any mark that may join a title to a site's name, spaced or not: for matching a `<title>`'s parts against the page. */
export const LOOSE_TITLE_SEPARATOR = /\s*(?:--|－－|——|::|[-－—–_|｜@»«])\s*/;
/** The last word of a site's name: 网, 日報, 新聞, 博客, 部落格… */
export const SITE_NAME_ENDING = /(?:网|網|站|报|報|刊|社|台|臺|新闻|新聞|资讯|資訊|中心|频道|頻道|论坛|論壇|博客|部落格|部落|blog|在线|在線|之家|[电電]视|[电電]視|[广廣]播|\.com|\.cn|\.net|\.tw|\.hk)$/i;
/** A platform's name (`微信公众平台`): the account that published on it is the source. */
export const PLATFORM_NAME = /(?:公[众眾])?平台$|^(?:微信|weixin|wechat)/i;
/** `© 2013 北港日報 版權所有`, `Copyright © 东屿新闻网`, `版权所有：云溪日报`: the site that holds the copyright. */
export const COPYRIGHT_HOLDER =
  /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–~～]\s*(?:19|20)\d{2})?\s*)?([\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z0-9.·]{1,19})|版[权權]所有\s*[:：]\s*(?:©\s*)?([\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z0-9.·]{1,19})/iu;

/** A `<title>` without the site's name: `标题_某某网`, `标题 | 某某新闻`, `标题 - 站名`. */
export const SITE_SUFFIX = /\s*[-－—–_]{1,2}\s*[^-－—–_\s]{2,16}(?:网|網|站|报|報|刊|社|台|局|厅|廳|委|办|辦|政府|新闻|新聞|中心|频道|頻道|论坛|論壇|博客|在线|在線|之家|\.com|\.cn|\.net)$/i;

/** `標題：…` in a table of an item's fields: the title, where the `<title>` names only the site. */
export const TITLE_LINE = /^(?:[标標][题題]|主旨|[题題]名)\s*[:：]\s*(.{4,100})$/;

/** `[原创]`, `【转载】`: a site's label on a title, not part of it. */
export const TITLE_LABEL = /^\s*[[【(（〔]\s*(?:原创|原創|转载|轉載|转帖|轉帖|转|轉|推荐|推薦|置顶|置頂|精华|精華|图|圖|组图|組圖|视频|視頻|独家|獨家|热|熱|新|快讯|快訊)\s*[\]】)）〕]\s*/;
/** `[经验分享]`, `【视频】`: any short label in square brackets opening a title. */
export const BRACKET_LABEL = /^\s*(?:\[[^\]\s]{1,6}\]|【[^】\s]{1,6}】)\s*(?=\S{4})/;

// ── Images and captions ──────────────────────────────────────────────────────────────────────

export const IMAGE_PATH = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp)(?:$|[?#])/i;
// Lazy-loading pages put a tiny stand-in in src until a script swaps in the real address.
export const PLACEHOLDER_IMAGE = /(?:^|[/_-])(?:blank|spacer|placeholder|loading|lazy|grey|gray|pixel|transparent|trans|1x1)[\w-]*\.(?:gif|png|svg)$/i;
export const LAZY_SOURCES = ["data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-url", "data-echo", "data-lazyload", "real_src", "data-original-src", "file"];
/** Icons, avatars, smileys and buttons: the page's decoration, not pictures of the article. */
export const DECORATION_IMAGE = /(?:^|[/_-])(?:ico|icon|avatar|emoji|smiley|smilies|online|btn|button|logo)[\w-]*\.(?:gif|png|svg)$|\/(?:icons?|smilies|smiley|emoji|emotions?|face|avatars?)\//i;
/** `（編輯：陳怡君）1121005`: an editor's credit and a wire's story number closing the last paragraph. */
export const EDITOR_TAIL = /\s*[（(]\s*(?:[责責]任)?[编編][辑輯]\s*[:：]\s*[\p{Script=Han}·、\s]{2,16}[）)]\s*\d{0,8}\s*$/u;
/** An image's alt or title that is its file's name (`DSC_0412.JPG`), not words about it. */
export const FILE_NAME_TEXT = /^[\w.-]+\.(?:jpe?g|png|gif|webp|bmp|tiff?|heic)$/i;
/** class or id words of a caption beside an image. */
export const CAPTION_NAME = /caption|note|desc|pic|photo|img|image|tuzhu|explain|illus|legend/i;
/** Words that open or close a caption: 图为…, …摄, …提供. */
export const CAPTION_WORDS = /^(?:[图圖]|[图圖]片|[图圖]为|[圖圖]為|[图圖][:：]|（[图圖]|\([图圖])|[摄攝](?:影)?$|[摄攝]）$|[供提]供）?$/;

// ── Addresses ────────────────────────────────────────────────────────────────────────────────

/** Query parameters that track a reader, not name a page. */
export const TRACKING_PARAMETER = /^(?:utm_\w+|spm|from|fromid|share_token|sharer?|fbclid|gclid|mc_cid|mc_eid|scene|src|wechat_redirect|wxshare)$/i;
/** Hosts of ad and click counters. */
export const TRACKING_HOST = /(?:^|\.)(?:doubleclick\.net|googlesyndication\.com|googleadservices\.com|adservice\.|ads?\.|click\.|track(?:ing)?\.)/i;
/** A redirector's path, and the query parameter that holds where it leads. */
export const REDIRECT_PATH = /\/(?:redirect|redir|jump|go|link|click|out|track)(?:\.php|\.aspx?)?$/i;
export const REDIRECT_QUERY = /(?:^|&)(?:url|u|target|to|link)=/i;
/** Query parameters of a site's redirector that hold the address it leads to. */
export const REDIRECT_TARGET_KEYS = ["target", "url", "u", "to", "link", "goto", "redirect"];
/** Paths and query parameters of a site's tag, keyword, topic or search pages. */
export const TAG_PAGE_PATH = /\/(?:tags?|keywords?|topics?|search|label|labels|tagged|biaoqian|zt|special|category|categories|cat)(?:\/|\.|$|\?)/i;
export const TAG_PAGE_QUERY = /(?:^|&)(?:tag|tags|keyword|keywords|kw|q|wd|s)=/i;

// ── Text dumps: lists, headings, tags and navigation written as lines ────────────────────────

export const LIST_ITEM = /^\s*(?:[-•·*●○▪◆◇■□]|\d{1,2}[.、)）]|[（(]\d{1,2}[)）])\s*/;
export const CHINESE_SECTION = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百\d]+[章节節部分篇])\s*\S/;
export const TAG_LINE = /^(?:[标標][签籤]|[关關][键鍵][词詞字]|tags?)\s*[:：]\s*(.+)$/i;
export const NAV_LINE = /^(?:首页|首頁|home)\b|[>»›]\s*\S+\s*[>»›]|^(?:\S{1,6}\s+){4,}\S{1,6}$|^(?:[^|｜·]{1,10}[|｜·]){3,}[^|｜·]{1,10}$/i;
