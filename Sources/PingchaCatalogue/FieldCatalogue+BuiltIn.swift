import PingchaModel

extension FieldCatalogue {
    /// The catalogue compiled into the binary (`rubrics/fields.yaml` at build time).
    /// Read once per process: a report asked for it on four threads, and each reading parsed
    /// the YAML again (a tenth of a second of a small batch's report).
    public static func builtIn() -> FieldCatalogue { embedded }

    // The embedded file is checked by the test suite, so it always loads.
    private static let embedded = try! FieldCatalogueLoader.load(yaml: EmbeddedDefaults.fieldsYAML, path: "rubrics/fields.yaml")
}

public enum EmbeddedDefaults {
    public static var fieldsYAML: String { String(decoding: PackageResources.fields_yaml, as: UTF8.self) }
}
