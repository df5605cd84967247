import PingchaModel

extension FieldCatalogue {
    /// The catalogue compiled into the binary (`rubrics/fields.yaml` at build time).
    public static func builtIn() -> FieldCatalogue {
        // The embedded file is checked by the test suite, so it always loads.
        try! FieldCatalogueLoader.load(yaml: EmbeddedDefaults.fieldsYAML, path: "rubrics/fields.yaml")
    }
}

public enum EmbeddedDefaults {
    public static var fieldsYAML: String { String(decoding: PackageResources.fields_yaml, as: UTF8.self) }
}
