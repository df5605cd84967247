/// An error inside one expression: what went wrong and at which offset (Unicode scalars
/// from the start of the expression). The rubric loader turns the offset into a line and
/// column of the YAML file.
public struct ExpressionError: Error, Equatable, Sendable {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}
