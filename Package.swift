// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Pingcha",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pingcha", targets: ["pingcha"]),
        .library(name: "PingchaIngest", targets: ["PingchaIngest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libcsv (Debian libcsv-dev) through a system-library target.
        .systemLibrary(name: "CCSV", providers: [.apt(["libcsv-dev"])]),
        // libexpat (Debian libexpat1-dev): the SAX parser that streams .xlsx sheets (BENCHMARKS.md).
        .systemLibrary(name: "CExpat", providers: [.apt(["libexpat1-dev"])]),
        // libfreexl (Debian libfreexl-dev): cells of .xls (BIFF8) workbooks.
        .systemLibrary(name: "CFreeXL", providers: [.apt(["libfreexl-dev"])]),
        // SHA-256 of inputs and rubrics (OpenSSL libcrypto, Debian libssl-dev).
        .systemLibrary(name: "COpenSSL", providers: [.apt(["libssl-dev"])]),
        // zlib's raw deflate for the DOCX/XLSX zip container (Debian zlib1g-dev).
        .systemLibrary(name: "CDeflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Value types every stage shares: field catalogue, case values, dates, decimals, errors.
        .target(name: "PingchaModel"),
        // Reading YAML with every node's position (file:line:col in each complaint), and the field
        // catalogue: rubrics/fields.yaml built into the binary, or a user's --fields file.
        .target(
            name: "PingchaCatalogue",
            dependencies: ["PingchaModel", .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Resources/fields.yaml")]
        ),
        // Stage 1: encoding detection and conversion (iconv), CSV and workbook reading, header
        // mapping, value normalisation, the SHA-256 of every file read.
        .target(name: "PingchaIngest", dependencies: ["PingchaCatalogue", "PingchaModel", "CCSV", "CExpat", "CFreeXL", "COpenSSL", "CDeflate",
                                                      .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                                                      .product(name: "Yams", package: "Yams")]),
        // The working-day calendar (法定节假日和调休): deadlines counted in working days, for the
        // rubrics' functions, the statistics and the documents' periods alike.
        .target(
            name: "PingchaCalendar",
            dependencies: ["PingchaCatalogue", "PingchaModel", .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Resources/calendar.yaml")]
        ),
        // Stage 2: rubrics — YAML loading, the expression language, profiles.
        .target(name: "PingchaRubric", dependencies: ["PingchaCatalogue", "PingchaModel", "PingchaCalendar", .product(name: "Yams", package: "Yams")],
                // The follow-up periods (rubrics/followup/periods.yaml), for documents made away from the project folder.
                resources: [.embedInCode("Resources/followup-periods.yaml")]),
        // Stage 3: scoring cases against rubrics, merging reviewers' scoresheets.
        .target(name: "PingchaScoring", dependencies: ["PingchaModel", "PingchaRubric"]),
        // Stage 4: the SQLite store (GRDB; bulk inserts through raw binds). The only module that
        // sees GRDB: it imports it `internal`, so SQL and the stored formats stay here.
        .target(
            name: "PingchaStore",
            dependencies: ["PingchaCatalogue", "PingchaModel", "PingchaRubric", "PingchaScoring", "PingchaIngest",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // 发布 — from a stored batch and its figures to the facts each document states: reads the
        // store's cursors, stored rubrics and the batch's figures, and hands Reports plain facts
        // (or writes a workbook or CSV from the rows). Reports stays a renderer that sees neither
        // the store nor analytics.
        .target(
            name: "PingchaPublish",
            dependencies: ["PingchaCatalogue", "PingchaModel", "PingchaCalendar", "PingchaRubric", "PingchaStore", "PingchaAnalytics", "PingchaSampling",
                           "PingchaReports", "PingchaDocuments", "PingchaXlsx"]
        ),
        // `pingcha rubric test`: a rubric's fixture cases (rubrics/tests/<id>.yaml) read, scored
        // as in a run, and compared with the outcomes they must get.
        .target(
            name: "PingchaFixtures",
            dependencies: ["PingchaCatalogue", "PingchaModel", "PingchaIngest", "PingchaRubric", "PingchaScoring", .product(name: "Yams", package: "Yams")]
        ),
        // The jobs that chain the stages: `run`, `report`, `compare`, `stats`, `followup` …
        // (options, the store opened, stages called in order, the output folder, errors).
        .target(
            name: "PingchaRun",
            dependencies: ["PingchaCatalogue", "PingchaModel", "PingchaIngest", "PingchaCalendar", "PingchaRubric", "PingchaScoring", "PingchaStore",
                           "PingchaAnalytics", "PingchaSampling", "PingchaReports", "PingchaDocuments", "PingchaPublish"]
        ),
        // Stage 5: figures computed from stored results (rates, intervals, rankings, comparison).
        .target(name: "PingchaAnalytics", dependencies: ["PingchaModel"]),
        // Drawing cases for manual review and assigning them to reviewers.
        .target(name: "PingchaSampling", dependencies: ["PingchaModel"]),
        // Documents independent of their format: the official-document model, Markdown in and
        // out, the zip container of DOCX/XLSX.
        .target(name: "PingchaDocuments", dependencies: ["PingchaModel", "CDeflate"]),
        // WordprocessingML in the national official-document layout (GB/T 9704).
        .target(name: "PingchaDocx", dependencies: ["PingchaDocuments", "PingchaModel"]),
        // SpreadsheetML, written row by row.
        .target(name: "PingchaXlsx", dependencies: ["PingchaDocuments", "PingchaModel"]),
        // Self-contained HTML with inline CSS and SVG charts, printable on A4.
        .target(name: "PingchaHtml", dependencies: ["PingchaDocuments", "PingchaModel"]),
        // Stage 6: the documents people read — bulletin, notices, spreadsheets — from templates
        // (swift-mustache), with personal data masked for publication.
        .target(
            name: "PingchaReports",
            dependencies: ["PingchaCatalogue", "PingchaModel", "PingchaCalendar", "PingchaDocuments", "PingchaDocx", "PingchaXlsx", "PingchaHtml",
                           .product(name: "Mustache", package: "swift-mustache"), .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Resources/bulletin.md.mustache"), .embedInCode("Resources/notice.md.mustache"),
                        .embedInCode("Resources/stats.md.mustache"), .embedInCode("Resources/compare.md.mustache"),
                        .embedInCode("Resources/followup.md.mustache"), .embedInCode("Resources/followup-status.md.mustache"),
                        .embedInCode("Resources/analysis.md.mustache"), .embedInCode("Resources/settings.yaml")]
        ),
        // Synthetic exports for demos, tests and benchmarks.
        .target(name: "PingchaGenerate", dependencies: ["PingchaCatalogue", "PingchaModel", "PingchaIngest"]),
        // The thin executable: argument parsing only.
        .executableTarget(
            name: "pingcha",
            dependencies: [
                "PingchaModel", "PingchaCatalogue", "PingchaIngest", "PingchaGenerate", "PingchaCalendar", "PingchaRubric", "PingchaScoring",
                "PingchaStore", "PingchaAnalytics", "PingchaSampling", "PingchaPublish", "PingchaFixtures", "PingchaRun",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: scoring alone, on cases already in memory; a CSV converted to a workbook.
        .executableTarget(
            name: "PingchaBench",
            dependencies: ["PingchaCatalogue", "PingchaModel", "PingchaIngest", "PingchaGenerate", "PingchaCalendar", "PingchaRubric", "PingchaScoring",
                           "PingchaXlsx"]
        ),
        .target(name: "PingchaTestSupport", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Tests/PingchaTestSupport"),
        .testTarget(name: "PingchaIngestTests", dependencies: ["PingchaCatalogue", "PingchaIngest", "PingchaGenerate", "PingchaTestSupport"]),
        .testTarget(
            name: "PingchaRunTests",
            dependencies: ["PingchaCatalogue", .product(name: "Yams", package: "Yams"), "PingchaRun", "PingchaPublish", "PingchaStore", "PingchaGenerate", "PingchaTestSupport", "PingchaReports",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "PingchaFixturesTests",
            dependencies: ["PingchaCatalogue", "PingchaFixtures", "PingchaModel", "PingchaRubric", "PingchaScoring", "PingchaTestSupport"]
        ),
        // The adapters of PingchaPublish on small stores made for the test.
        .testTarget(
            name: "PingchaPublishTests",
            dependencies: ["PingchaCatalogue", "PingchaPublish", "PingchaStore", "PingchaModel", "PingchaAnalytics", "PingchaReports", "PingchaRubric",
                           "PingchaScoring", "PingchaIngest", "PingchaGenerate", "PingchaTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "PingchaAnalyticsTests", dependencies: ["PingchaAnalytics", "PingchaRubric"]),
        .testTarget(name: "PingchaSamplingTests", dependencies: ["PingchaSampling"]),
        .testTarget(name: "PingchaRubricTests", dependencies: ["PingchaCatalogue", "PingchaRubric", "PingchaCalendar"]),
        .testTarget(name: "PingchaCalendarTests", dependencies: ["PingchaCatalogue", "PingchaCalendar"]),
        .testTarget(name: "PingchaScoringTests", dependencies: ["PingchaCatalogue", "PingchaScoring", "PingchaIngest", "PingchaTestSupport"]),
        .testTarget(name: "PingchaGenerateTests", dependencies: ["PingchaCatalogue", "PingchaGenerate", "PingchaIngest"]),
        .testTarget(name: "PingchaDocumentsTests", dependencies: ["PingchaDocuments"]),
        .testTarget(name: "PingchaReportsTests", dependencies: ["PingchaCatalogue", "PingchaReports", "PingchaDocuments", "PingchaCalendar"]),
        .testTarget(name: "PingchaDocxTests", dependencies: ["PingchaDocx", "PingchaDocuments", "PingchaTestSupport"]),
        .testTarget(name: "PingchaXlsxTests", dependencies: ["PingchaXlsx", "PingchaDocuments", "PingchaTestSupport"]),
        .testTarget(name: "PingchaHtmlTests", dependencies: ["PingchaHtml", "PingchaDocuments"]),
        // The store alone: stored values, migrations (with files older pingchas wrote, Fixtures/), batch writing.
        .testTarget(name: "PingchaStoreTests",
                    dependencies: ["PingchaCatalogue", "PingchaStore", "PingchaModel", "PingchaRubric", "PingchaScoring", "PingchaTestSupport",
                                   .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "PingchaModelTests", dependencies: ["PingchaCatalogue", "PingchaModel"]),
    ]
)
