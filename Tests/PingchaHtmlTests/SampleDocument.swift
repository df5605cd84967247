import Foundation
import PingchaDocuments

/// A realistic 通报 with every kind of block: the document the rendering check prints and
/// the tests parse.
enum SampleDocument {
    static let departments = [
        "市场监督管理局", "生态环境局", "交通运输局", "公安局",
        "城市管理综合行政执法局", "应急管理局", "自然资源和规划局", "卫生健康委员会",
    ]

    static var departmentTable: Table {
        let figures: [(Int, Double, Int, Int, Int)] = [
            (120, 88.6, 31, 62, 27), (96, 86.2, 22, 51, 23), (84, 84.9, 15, 47, 22), (150, 83.7, 28, 80, 42),
            (110, 81.4, 14, 58, 38), (64, 79.8, 9, 31, 24), (72, 77.5, 8, 33, 31), (58, 74.1, 5, 24, 29),
        ]
        let rows = zip(departments, figures).enumerated().map { i, pair -> [String] in
            let (name, f) = pair
            return ["\(i + 1)", name, "\(f.0)", String(format: "%.1f", f.1), "\(f.2)", "\(f.3)", "\(f.4)",
                    String(format: "%.1f%%", Double(f.2 + f.3) * 100 / Double(f.0))]
        }
        return Table(caption: "表1 2025年度各部门行政执法案卷评查结果",
                     header: ["序号", "部门", "评查案卷数", "平均分", "优秀", "合格", "不合格", "合格率"],
                     rows: rows,
                     alignments: [.center, .leading, .trailing, .trailing, .trailing, .trailing, .trailing, .trailing])
    }

    static var gradeChart: Chart {
        .bars(BarChart(title: "图1 案卷评查等次分布", bars: [
            .init(label: "优秀（90分以上）", value: 132, caption: "132（17.5%）"),
            .init(label: "合格（75—89分）", value: 386, caption: "386（51.1%）"),
            .init(label: "基本合格（60—74分）", value: 171, caption: "171（22.6%）"),
            .init(label: "不合格（60分以下）", value: 65, caption: "65（8.6%）"),
        ]))
    }

    static var intervalChart: Chart {
        let means = [88.6, 86.2, 84.9, 83.7, 81.4, 79.8, 77.5, 74.1]
        let halfWidths = [1.8, 2.3, 2.6, 1.6, 2.2, 3.4, 3.1, 3.9]
        return .intervals(IntervalChart(
            title: "图2 各部门案卷平均分及95%置信区间",
            points: zip(departments, zip(means, halfWidths)).map { name, f in
                .init(label: name, value: f.0, low: f.0 - f.1, high: f.0 + f.1, caption: String(format: "%.1f", f.0))
            },
            axisMinimum: 60, axisMaximum: 100, reference: 82.6))
    }

    static var trendChart: Chart {
        .trend(TrendChart(
            title: "图3 部分部门各批次平均分变化",
            points: ["2023年第一批", "2024年第一批", "2025年第一批"],
            series: [
                .init(label: "市场监督管理局", values: [82.4, 85.9, 88.6]),
                .init(label: "生态环境局", values: [84.1, 83.0, 86.2]),
                .init(label: "交通运输局", values: [78.6, nil, 84.9]),
                .init(label: "城市管理综合行政执法局", values: [73.2, 77.8, 81.4]),
                .init(label: "卫生健康委员会", values: [nil, 71.5, 74.1]),
            ],
            axisMinimum: 60, axisMaximum: 100))
    }

    static var document: OfficialDocument {
        OfficialDocument(
            issuer: "克拉玛依市司法局",
            documentNumber: "克司通〔2025〕3号",
            title: "关于2025年度全市行政执法案卷评查情况的通报",
            recipients: "各行政执法部门：",
            blocks: [
                .text("为进一步规范行政执法行为，提高行政执法质量，根据《行政执法案卷评查办法》有关规定，市司法局于2025年10月至11月组织开展了全市行政执法案卷评查工作。现将评查情况通报如下。"),
                .heading(level: 1, text: "一、基本情况"),
                .paragraph([Run("本次评查共抽取8个行政执法部门的行政处罚、行政许可、行政检查等案卷"),
                            Run("754卷", strong: true),
                            Run("，平均得分82.6分。其中优秀案卷132卷，占17.5%；合格案卷386卷，占51.1%；基本合格案卷171卷，占22.6%；不合格案卷65卷，占8.6%。")]),
                .chart(gradeChart),
                .heading(level: 2, text: "（一）各部门评查结果"),
                .text("各部门评查结果见表1。市场监督管理局、生态环境局平均分位居前列，卫生健康委员会、自然资源和规划局平均分低于全市平均水平。"),
                .table(departmentTable),
                .chart(intervalChart),
                .heading(level: 2, text: "（二）历年变化情况"),
                .text("与往年评查结果相比，多数部门平均分稳中有升。交通运输局2024年未纳入评查范围，卫生健康委员会2023年未纳入评查范围。"),
                .chart(trendChart),
                .pageBreak,
                .heading(level: 1, text: "二、存在的主要问题"),
                .heading(level: 3, text: "1. 证据收集不够全面。"),
                .text("部分案卷现场检查笔录记录过于简单，未能全面反映违法事实；部分案卷证据材料未注明来源，复印件未经核对。"),
                .heading(level: 3, text: "2. 法律适用不够准确。"),
                .text("个别案卷引用法律条款不完整，未引用到具体的条、款、项；部分案卷行政处罚裁量理由说明不充分。"),
                .heading(level: 3, text: "3. 程序履行不够规范。"),
                .text("部分案卷未按规定履行告知程序，送达回证填写不完整，立案、调查、审查、决定等环节时限不符合规定。"),
                .heading(level: 1, text: "三、下一步工作要求"),
                .paragraph([Run("各行政执法部门要对照评查中发现的问题，"), Run("认真开展自查整改", strong: true),
                            Run("，于2025年12月31日前将整改情况书面报送市司法局。")]),
            ],
            signature: Signature(organisation: "克拉玛依市司法局", date: "2025年12月1日"))
    }
}
