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
  scriptName: string;
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
    scriptName: "简体中文",
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
    scriptName: "繁體中文",
  },
};
