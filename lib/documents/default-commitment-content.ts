import type { CommitmentContent } from "./commitment-content";

/**
 * The 2017 commitment of Phan Thiết (conference of 04/01/2017), from the city's article: legal bases,
 * the PAR Index 2016 results with the article's exact figures, and the commitments it lists.
 */
export const DEFAULT_COMMITMENT_CONTENT: CommitmentContent = {
  title: "BẢN CAM KẾT",
  subtitle: "Trách nhiệm của người đứng đầu về thực hiện công tác cải cách hành chính giai đoạn 2016 – 2020",
  legalBases: [
    "Căn cứ Quyết định số 225/QĐ-TTg ngày 04/02/2016 của Thủ tướng Chính phủ phê duyệt Kế hoạch cải cách hành chính nhà nước giai đoạn 2016 – 2020;",
    "Căn cứ Quyết định số 1069/QĐ-UBND ngày 15/4/2016 của UBND tỉnh Bình Thuận phê duyệt Kế hoạch cải cách hành chính nhà nước giai đoạn 2016 – 2020 tỉnh Bình Thuận;",
    "Căn cứ Quyết định số 1286/QĐ-UBND ngày 04/5/2016 của Chủ tịch UBND thành phố Phan Thiết phê duyệt Kế hoạch cải cách hành chính nhà nước giai đoạn 2016 – 2020 thành phố Phan Thiết;",
    "Căn cứ Quyết định số 3883/QĐ-UBND ngày 29/12/2016 của UBND tỉnh Bình Thuận công bố kết quả Chỉ số cải cách hành chính (PAR Index) năm 2016.",
  ],
  parIndex: {
    intro:
      "Theo kết quả đánh giá, xếp loại Chỉ số cải cách hành chính (PAR Index) năm 2016 tại Quyết định số 3883/QĐ-UBND ngày 29/12/2016 của UBND tỉnh Bình Thuận, thành phố {thanh_pho} đạt 50,50 điểm, xếp loại tốt (hạng 4/10 huyện, thị xã, thành phố); trong đó:",
    improved: [
      "Chỉ số về xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật: tăng 0,25 điểm, chỉ số thành phần đạt 100%;",
      "Chỉ số về cải cách thủ tục hành chính: tăng 1,5 điểm, chỉ số thành phần đạt 100%;",
      "Chỉ số về xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức: tăng 0,5 điểm, chỉ số thành phần đạt 92,86%;",
    ],
    declined: [
      "Nội dung về chỉ đạo, điều hành cải cách hành chính: giảm 0,25 điểm, chỉ số thành phần đạt 88,9%;",
      "Chỉ số về hiện đại hóa hành chính: giảm 0,25 điểm, chỉ số thành phần chỉ đạt 66,66%;",
    ],
    unchanged: [
      "Chỉ số về cải cách tổ chức bộ máy hành chính nhà nước: 3,5 điểm, chỉ số thành phần đạt 100%;",
      "Chỉ số về tỷ lệ cơ quan hành chính và đơn vị sự nghiệp công lập trực thuộc UBND thành phố triển khai thực hiện cơ chế khoán và kinh phí hành chính: đạt 02/02 điểm, chỉ số thành phần đạt 100%;",
      "Chỉ số về thực hiện cơ chế một cửa, cơ chế một cửa liên thông: đạt 12/12,5 điểm, chỉ số thành phần đạt 96%.",
    ],
  },
  commitmentIntro:
    "Tôi, {nguoi_dung_dau}, {chuc_danh}, cam kết thực hiện trách nhiệm của {vai_tro} về công tác cải cách hành chính: tập trung chỉ đạo khắc phục các tồn tại, hạn chế qua công bố chỉ số cải cách hành chính năm 2016 và thực hiện các nhiệm vụ trọng tâm sau đây:",
  commitments: [
    "Kiểm tra, rà soát các tiêu chí, tiêu chí thành phần giảm điểm, giảm thứ hạng, chưa đạt điểm tối đa hoặc có chỉ số thành phần thấp hơn mức trung bình của tỉnh thuộc trách nhiệm tham mưu, thực hiện của đơn vị, để có kế hoạch khắc phục kịp thời nhằm cải thiện, nâng cao chỉ số cải cách hành chính năm 2017 và những năm tiếp theo.",
    "Quán triệt cho đội ngũ cán bộ, công chức, viên chức về kết quả chỉ số cải cách hành chính năm 2016 của thành phố, gắn với tuyên truyền, phổ biến các nhiệm vụ của kế hoạch cải cách hành chính giai đoạn 2016 – 2020 của thành phố và của đơn vị.",
    "Rà soát, sửa đổi, bổ sung quy chế, lề lối làm việc theo hướng dân chủ hóa và công khai hóa; chống quan liêu, cửa quyền, tham nhũng, lãng phí; thực hiện tốt công tác dân vận chính quyền.",
    "Phân công nhiệm vụ theo hướng rõ người, rõ việc, rõ trách nhiệm, phù hợp với chuyên môn, năng lực sở trường của từng cán bộ, công chức, viên chức.",
    "Xây dựng hộp thư “Hỏi - Đáp” và công khai số điện thoại đường dây nóng trên trang thông tin điện tử và tại trụ sở làm việc để tiếp nhận, trả lời ý kiến của tổ chức, cá nhân về lĩnh vực đơn vị quản lý.",
    "Hướng dẫn thủ tục hành chính rõ ràng, đầy đủ một (01) lần; cán bộ, công chức, viên chức không có thái độ thờ ơ, thiếu tinh thần trách nhiệm với tổ chức, cá nhân.",
    "Mọi trường hợp hồ sơ trễ hẹn đều có văn bản nêu rõ lý do, xin lỗi tổ chức, cá nhân và hẹn lại ngày trả kết quả theo quy định.",
    "Định kỳ khảo sát, đánh giá mức độ hài lòng của tổ chức, cá nhân về giải quyết thủ tục hành chính và đề ra giải pháp cải thiện mức độ hài lòng qua từng năm.",
    "Hằng năm rà soát, tham mưu cấp có thẩm quyền công bố kịp thời các thủ tục hành chính, gắn với cắt giảm quy trình, thủ tục và rút ngắn thời gian giải quyết cho tổ chức, cá nhân.",
    "Tăng cường ứng dụng dịch vụ công trực tuyến mức độ 3 và 4 trong giải quyết hồ sơ hành chính.",
    "Sử dụng và khai thác có hiệu quả phần mềm một cửa điện tử đã được đầu tư tại cơ quan, đơn vị.",
    "Rà soát, sắp xếp lại tổ chức bộ máy gắn với thực hiện tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, viên chức theo kế hoạch đề ra.",
  ],
  closing: [
    "Tôi xác định đây là nhiệm vụ trọng tâm, thường xuyên trong công tác chỉ đạo, điều hành của {don_vi}, gắn với đánh giá trách nhiệm của người đứng đầu và bình xét thi đua, khen thưởng hằng năm; nếu không hoàn thành, tôi xin chịu trách nhiệm trước Chủ tịch UBND thành phố {thanh_pho}.",
  ],
};
