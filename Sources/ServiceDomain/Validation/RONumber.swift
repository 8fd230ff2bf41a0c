import Foundation

/// Repair-order numbers people can read out on the phone: `RO-20261122-0007`, the day in the shop's
/// time zone and that day's sequence.
public enum RONumber {
    /// `sequence` starts at 1 each day; it is padded to 4 digits and grows past 9999 if it must.
    public static func make(openedAt: Date, sequence: Int, timeZone: TimeZone) -> String {
        precondition(sequence > 0, "RO sequence numbers start at 1")
        return "RO-" + dayKey(openedAt, timeZone: timeZone) + "-" + pad(sequence, 4)
    }

    /// `20261122`: the calendar day of `date` in `timeZone` (Gregorian).
    public static func dayKey(_ date: Date, timeZone: TimeZone) -> String { ShopTime.dayKey(date, timeZone) }

    /// The day key and sequence of a well-formed RO number, or nil.
    public static func parse(_ number: String) -> (dayKey: String, sequence: Int)? {
        let parts = number.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "RO", parts[1].count == 8, parts[2].count >= 4,
              parts[1].allSatisfy(TextFolding.isASCIIDigit), parts[2].allSatisfy(TextFolding.isASCIIDigit),
              let sequence = Int(parts[2]), sequence > 0 else { return nil }
        return (String(parts[1]), sequence)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
