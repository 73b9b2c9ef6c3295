/** Every word of the interface, written by hand in each script. */
import type { Script } from "../src/scripts.ts";

export interface Strings {
  skipToContent: string;
  siteNavigation: string;
  home: string;
  tags: string;
  archive: string;
  /** The switch's label, in the other script. */
  switchLabel: string;
  switchTitle: string;
  author: string;
  source: string;
  originalLink: string;
  updated: string;
  previousArticle: string;
  nextArticle: string;
  articleNavigation: string;
  convertedNote: string;
  readOriginal: string;
  /** On an article's own page, when some of its paragraphs were written in the other script. */
  mixedNote: (paragraphs: number) => string;
  tagTitle: (tag: string) => string;
  articleCount: (count: number) => string;
  tagCount: (count: number) => string;
  pageStatus: (page: number, count: number) => string;
  pageSuffix: (page: number) => string;
  previousPage: string;
  nextPage: string;
  pagination: string;
  noArticles: string;
  subscribe: string;
  archiveIntro: string;
  year: (year: number) => string;
  month: (month: number) => string;
  notFoundTitle: string;
  notFoundText: string;
  chooseScript: string;
  /** The page at an article's old address, before the link to it. */
  movedTo: string;
  scriptName: string;
  search: SearchStrings;
}

/** The search box and the search page; `{n}` and `{q}` are filled in by the page's code. */
export interface SearchStrings {
  title: string;
  label: string;
  placeholder: string;
  button: string;
  intro: string;
  tag: string;
  anyTag: string;
  year: string;
  anyYear: string;
  sort: string;
  sortRelevance: string;
  sortNewest: string;
  sortOldest: string;
  results: string;
  searching: string;
  /** The newest articles' results are shown and the older ones' are being searched. */
  searchingOlder: string;
  count: string;
  countFiltered: string;
  none: string;
  noneFiltered: string;
  noneInFilters: string;
  tryInstead: string;
  searchEach: string;
  clearFilters: string;
  browseTags: string;
  browseDates: string;
  more: string;
  /** A result whose title and text are still being fetched; one that could not be. */
  resultLoading: string;
  resultFailed: string;
  needsJavaScript: string;
  unavailable: string;
}

export const strings: Record<Script, Strings> = {
  "zh-Hans": {
    skipToContent: "跳到正文",
    siteNavigation: "网站导航",
    home: "首页",
    tags: "标签",
    archive: "归档",
    switchLabel: "繁體",
    switchTitle: "以繁體中文閱讀本頁",
    author: "作者",
    source: "来源",
    originalLink: "原文链接",
    updated: "更新于",
    previousArticle: "上一篇",
    nextArticle: "下一篇",
    articleNavigation: "文章导航",
    convertedNote: "本文原以繁体中文写成，此页由程序自动转换为简体，用字可能与原文略有出入。",
    readOriginal: "阅读繁体原文",
    mixedNote: (paragraphs) => `文中有 ${paragraphs} 段原以繁体中文写成，此页已由程序转换为简体。`,
    tagTitle: (tag) => `标签：${tag}`,
    articleCount: (count) => `共 ${count} 篇文章`,
    tagCount: (count) => `共 ${count} 个标签`,
    pageStatus: (page, count) => `第 ${page} 页，共 ${count} 页`,
    pageSuffix: (page) => `（第 ${page} 页）`,
    previousPage: "上一页",
    nextPage: "下一页",
    pagination: "分页",
    noArticles: "还没有文章。",
    subscribe: "订阅（Atom）",
    archiveIntro: "按年份和月份浏览所有文章。",
    year: (year) => `${year}年`,
    month: (month) => `${month}月`,
    notFoundTitle: "找不到这个页面",
    notFoundText: "这个地址没有页面，可能已经移动或删除。",
    chooseScript: "选择文字",
    movedTo: "这篇文章已移到新的地址：",
    scriptName: "简体中文",
    search: {
      title: "搜索",
      label: "搜索文章",
      placeholder: "搜索文章",
      button: "搜索",
      intro: "用简体或繁体输入都可以，结果以简体显示。",
      tag: "标签",
      anyTag: "全部标签",
      year: "年份",
      anyYear: "全部年份",
      sort: "排序",
      sortRelevance: "相关程度",
      sortNewest: "从新到旧",
      sortOldest: "从旧到新",
      results: "搜索结果",
      searching: "正在搜索……",
      searchingOlder: "已找到 {n} 篇文章，正在搜索更早的文章……",
      count: "找到 {n} 篇文章",
      countFiltered: "在筛选范围内找到 {n} 篇文章",
      none: "没有找到与「{q}」相关的文章。",
      noneFiltered: "在筛选范围内没有找到与「{q}」相关的文章。",
      noneInFilters: "这个筛选范围内没有文章。",
      tryInstead: "可以试试：",
      searchEach: "分开搜索",
      clearFilters: "去掉筛选条件",
      browseTags: "浏览全部标签",
      browseDates: "按日期浏览",
      more: "显示更多结果",
      resultLoading: "正在载入这篇文章的摘要……",
      resultFailed: "这篇文章的摘要没能载入，请重新搜索。",
      needsJavaScript: "搜索需要在浏览器中启用 JavaScript。也可以按标签或日期浏览文章。",
      unavailable: "搜索暂时无法使用：没有找到搜索索引。",
    },
  },
  "zh-Hant": {
    skipToContent: "跳到正文",
    siteNavigation: "網站導覽",
    home: "首頁",
    tags: "標籤",
    archive: "歸檔",
    switchLabel: "简体",
    switchTitle: "以简体中文阅读本页",
    author: "作者",
    source: "來源",
    originalLink: "原文連結",
    updated: "更新於",
    previousArticle: "上一篇",
    nextArticle: "下一篇",
    articleNavigation: "文章導覽",
    convertedNote: "本文原以簡體中文寫成，此頁由程式自動轉換為繁體，用字可能與原文略有出入。",
    readOriginal: "閱讀簡體原文",
    mixedNote: (paragraphs) => `文中有 ${paragraphs} 段原以簡體中文寫成，此頁已由程式轉換為繁體。`,
    tagTitle: (tag) => `標籤：${tag}`,
    articleCount: (count) => `共 ${count} 篇文章`,
    tagCount: (count) => `共 ${count} 個標籤`,
    pageStatus: (page, count) => `第 ${page} 頁，共 ${count} 頁`,
    pageSuffix: (page) => `（第 ${page} 頁）`,
    previousPage: "上一頁",
    nextPage: "下一頁",
    pagination: "分頁",
    noArticles: "還沒有文章。",
    subscribe: "訂閱（Atom）",
    archiveIntro: "按年份和月份瀏覽所有文章。",
    year: (year) => `${year}年`,
    month: (month) => `${month}月`,
    notFoundTitle: "找不到這個頁面",
    notFoundText: "這個網址沒有頁面，可能已經移動或刪除。",
    chooseScript: "選擇文字",
    movedTo: "這篇文章已移到新的網址：",
    scriptName: "繁體中文",
    search: {
      title: "搜尋",
      label: "搜尋文章",
      placeholder: "搜尋文章",
      button: "搜尋",
      intro: "用簡體或繁體輸入都可以，結果以繁體顯示。",
      tag: "標籤",
      anyTag: "全部標籤",
      year: "年份",
      anyYear: "全部年份",
      sort: "排序",
      sortRelevance: "相關程度",
      sortNewest: "從新到舊",
      sortOldest: "從舊到新",
      results: "搜尋結果",
      searching: "正在搜尋……",
      searchingOlder: "已找到 {n} 篇文章，正在搜尋更早的文章……",
      count: "找到 {n} 篇文章",
      countFiltered: "在篩選範圍內找到 {n} 篇文章",
      none: "沒有找到與「{q}」相關的文章。",
      noneFiltered: "在篩選範圍內沒有找到與「{q}」相關的文章。",
      noneInFilters: "這個篩選範圍內沒有文章。",
      tryInstead: "可以試試：",
      searchEach: "分開搜尋",
      clearFilters: "去掉篩選條件",
      browseTags: "瀏覽全部標籤",
      browseDates: "按日期瀏覽",
      more: "顯示更多結果",
      resultLoading: "正在載入這篇文章的摘要……",
      resultFailed: "這篇文章的摘要沒能載入，請重新搜尋。",
      needsJavaScript: "搜尋需要在瀏覽器中啟用 JavaScript。也可以按標籤或日期瀏覽文章。",
      unavailable: "搜尋暫時無法使用：沒有找到搜尋索引。",
    },
  },
};
