/** Báo cáo xác minh của từng văn bản (PDF). */
export const report = {};
