export declare function settingsTable(root: string, language: 'en' | 'zh-cn'): string;
export declare function withSettingsTable(readme: string, table: string): string;
export declare const READMES: ReadonlyArray<[string, 'en' | 'zh-cn']>;
