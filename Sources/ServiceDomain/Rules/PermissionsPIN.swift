/// The personal PIN a person types to take over a shared desk. Only its salted slow hash is stored
/// (see `advisor staff set-pin`); this rule decides which PINs are accepted at all.
public enum PINRule {
    /// New PINs only: PINs of 4 digits set before this rule keep working until changed. Every PIN hash is
    /// readable by whoever can read the file, and 10,000 guesses at yescrypt take minutes offline.
    public static let minLength = 6
    public static let maxLength = 8

    public struct Refusal: UserFacingError, Equatable {
        public let message: Message
    }

    /// Accepts 6 to 8 ASCII digits, not all the same digit and not a straight run (123456, 987654…),
    /// which are the first PINs anyone would try.
    public static func validate(_ pin: String) throws {
        let scalars = Array(pin.unicodeScalars)
        guard scalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) else {
            throw Refusal(message: Message(
                zh: "PIN 只能由半角数字 0-9 组成",
                en: "The PIN may contain only the digits 0-9"))
        }
        guard (minLength...maxLength).contains(scalars.count) else {
            throw Refusal(message: Message(
                zh: "PIN 需要 \(minLength) 到 \(maxLength) 位数字（输入了 \(scalars.count) 位）",
                en: "The PIN needs \(minLength) to \(maxLength) digits (got \(scalars.count))"))
        }
        let digits = scalars.map { Int($0.value) - 0x30 }
        let steps = Set(zip(digits, digits.dropFirst()).map { $1 - $0 })
        if steps == [0] || steps == [1] || steps == [-1] {
            throw Refusal(message: Message(
                zh: "PIN 过于简单（全部相同或连续的数字），请换一个",
                en: "The PIN is too easy to guess (all the same or consecutive digits); choose another"))
        }
    }
}
