import Foundation

/// A decimal read from JSON exactly: from the number's text (`17.5`, never the binary double
/// 17.499…), or from a string. Written as a number in its canonical text.
extension DecimalNumber: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let string = try? container.decode(String.self) {
            text = string
        } else {
            // Foundation's Decimal keeps the digits of the JSON text (up to 38), unlike Double.
            text = "\(try container.decode(Decimal.self))"
        }
        guard let value = DecimalNumber(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "不是精确到万分之一的数：\(text)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(string: description)!)
    }
}
