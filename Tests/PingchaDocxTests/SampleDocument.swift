import PingchaDocuments

/// A 通报 as the bureau sends it, with every kind of block: the tests read it back, and
/// scripts/render/docx.sh renders it (PINGCHA_DOCX_SAMPLE=path writes it; see DocxRenderSample).
enum SampleDocument {
    static let title = "关于2025年度全市行政执法案卷评查情况的通报"
    static let firstBodyText = "为深入贯彻落实行政执法“三项制度”，全面提升行政执法规范化水平，"

    static let departments = [
        ["市场监督管理局", "120", "118", "88.6", "36", "78", "4", "96.7%"],
        ["生态环境局", "80", "80", "86.2", "21", "55", "4", "95.0%"],
        ["交通运输局", "95", "93", "84.9", "18", "68", "7", "92.5%"],
        ["公安局", "150", "149", "90.3", "62", "84", "3", "98.0%"],
        ["城市管理综合行政执法局", "110", "107", "79.8", "12", "75", "20", "81.3%"],
        ["应急管理局", "60", "60", "83.4", "11", "44", "5", "91.7%"],
        ["自然资源和规划局", "70", "68", "81.1", "9", "51", "8", "88.2%"],
        ["卫生健康委员会", "65", "65", "87.5", "20", "42", "3", "95.4%"],
    ]

    static let departmentTable = Table(
        caption: "表1 各部门案卷评查结果",
        header: ["部门", "报送案卷", "评查案卷", "平均分", "优秀", "合格", "不合格", "合格率"],
        rows: departments,
        alignments: [.leading, .trailing, .trailing, .trailing, .trailing, .trailing, .trailing, .trailing])

    static var document: OfficialDocument {
        OfficialDocument(
            issuer: "克拉玛依市司法局",
            documentNumber: "克司通〔2025〕3号",
            title: title,
            recipients: "各区司法局，市直各行政执法部门：",
            blocks: [
                .paragraph([
                    Run(firstBodyText),
                    Run("市司法局于2025年10月至11月组织开展了全市行政执法案卷评查工作。现将评查情况通报如下。"),
                ]),
                .heading(level: 1, text: "一、基本情况"),
                .text("本次评查共抽取行政处罚、行政许可、行政检查、行政强制等各类案卷810卷，实际评查800卷。评查采取交叉评查与集中评议相结合的方式，由市司法局组织法律顾问、公职律师和业务骨干组成评查组，对照评查标准逐卷打分。"),
                .paragraph([
                    Run("评查结果显示，全市行政执法案卷平均得分为"),
                    Run("85.6分", strong: true),
                    Run("，合格率为"),
                    Run("92.8%", strong: true),
                    Run("，较上年提高2.1个百分点。其中优秀案卷189卷，合格案卷497卷，不合格案卷54卷。"),
                ]),
                .table(departmentTable),
                .chart(.bars(BarChart(title: "图1 评查等次分布", bars: [
                    BarChart.Bar(label: "优秀", value: 189, caption: "189（23.6%）"),
                    BarChart.Bar(label: "合格", value: 497, caption: "497（62.1%）"),
                ]))),
                .heading(level: 1, text: "二、存在的主要问题"),
                .heading(level: 2, text: "（一）程序不够规范"),
                .text("部分案卷存在立案审批滞后、调查取证时执法人员不足两人、告知程序缺失或告知内容不完整等问题；个别案卷送达回证签收不规范，送达方式不符合法律规定。"),
                .heading(level: 3, text: "1. 立案审批不及时"),
                .text("城市管理综合行政执法局、自然资源和规划局有12件案卷立案时间晚于调查取证时间，先查后立问题较为突出。"),
                .heading(level: 3, text: "2. 法律文书制作不规范"),
                .text("个别案卷处罚决定书未载明当事人陈述申辩权利的行使情况，引用法律条款不具体到条、款、项。"),
                .heading(level: 2, text: "（二）证据收集不够充分"),
                .text("一些案卷证据链条不完整，现场检查笔录记录过于简单，未能全面反映违法事实；证据材料复印件未注明出处，未经当事人确认。"),
                .pageBreak,
                .heading(level: 1, text: "三、下一步工作要求"),
                .text("各单位要高度重视评查发现的问题，认真对照问题清单逐项整改，于2026年1月31日前将整改情况书面报送市司法局。市司法局将适时组织“回头看”，对整改不到位的单位予以通报。"),
                .table(Table(caption: "表2 整改时限要求", header: ["问题类型", "整改时限"],
                             rows: [["程序不规范", "2026年1月15日"], ["证据不充分", "2026年1月31日"]],
                             alignments: [.leading, .center])),
                .text("联系人：王明，联系电话：0990-6221234。"),
            ],
            signature: Signature(organisation: "克拉玛依市司法局", date: "2025年12月1日"))
    }
}
