import PingchaModel

/// A case's normalised values as the store keeps them in `case.fields`.
public enum StoredValues {
    /// The values of a stored case, by catalogue position.
    public static func decode(_ stored: UnsafeBufferPointer<UInt8>, catalogue: FieldCatalogue) -> [FieldValue?] {
        guard !stored.isEmpty else { return [FieldValue?](repeating: nil, count: catalogue.count) }
        return CaseJSONDecoder.decode(String(decoding: stored, as: UTF8.self), catalogue: catalogue)
    }
}
