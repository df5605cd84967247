// swift-tools-version: 6.1
// Measures the two SAX parsers available for .xlsx sheets on Linux, on the same sheet XML:
// libexpat (what PingchaIngest uses) and FoundationXML's XMLParser. See BENCHMARKS.md.
import PackageDescription

let package = Package(
    name: "xmlparsers",
    targets: [
        .systemLibrary(name: "CExpat", providers: [.apt(["libexpat1-dev"])]),
        .executableTarget(name: "xmlparsers", dependencies: ["CExpat"]),
    ]
)
