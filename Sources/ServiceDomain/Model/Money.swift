/// An amount of money in fen (1/100 yuan). Integer only: no floating point ever touches a bill.
public struct Fen: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
    public static let zero = Fen(0)
    public static func yuan(_ yuan: Int64) -> Fen { Fen(yuan * 100) }
    public static func < (a: Fen, b: Fen) -> Bool { a.value < b.value }
    public static func + (a: Fen, b: Fen) -> Fen { Fen(a.value + b.value) }
    public static func - (a: Fen, b: Fen) -> Fen { Fen(a.value - b.value) }

    /// `¥1,234.50`
    public var description: String {
        let negative = value < 0
        let magnitude = value.magnitude
        let yuan = magnitude / 100
        let cents = magnitude % 100
        let grouped = DigitGrouping.grouped(yuan)
        let centsText = cents < 10 ? "0\(cents)" : "\(cents)"
        return (negative ? "-" : "") + "¥" + grouped + "." + centsText
    }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int64.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

/// Thousands separators for amounts and kilometres: `1,234,567`.
public enum DigitGrouping {
    public static func grouped<N: BinaryInteger>(_ n: N) -> String {
        var digits = String(n.magnitude)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + grouped
    }
}
