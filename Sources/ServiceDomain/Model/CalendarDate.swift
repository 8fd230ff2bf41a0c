import Foundation

/// A day on the calendar without a time or a time zone: a purchase date, a warranty end date, a birthday.
/// Stored and exchanged as `YYYY-MM-DD`, so the same day is read back whatever time zone the process
/// runs in (an instant at local midnight moved a day back when read on a machine set to another zone).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil for a day that does not exist (2023-02-29, month 13) or a year outside 1…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `instant` falls on in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let c = Self.calendar(timeZone).dateComponents([.year, .month, .day], from: instant)
        self.year = c.year ?? 1
        self.month = c.month ?? 1
        self.day = c.day ?? 1
    }

    /// Strict `YYYY-MM-DD` (the storage and export form); nil otherwise.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// What people and spreadsheets type: `2024-04-30`, `2024/4/30` (Excel re-saves dates so),
    /// `2024.4.30`, `2024年4月30日`. Year first always: `4/30/2024` is ambiguous and refused.
    public init?(typed text: String) {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("日") { t.removeLast() }
        let parts = t.split(omittingEmptySubsequences: false) { "-/.年月".contains($0) }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var text: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public var description: String { text }

    /// Midnight at the start of this day in `timeZone`, for comparing with instants (a visit's time).
    public func start(in timeZone: TimeZone) -> Date {
        Self.calendar(timeZone).date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// The same day `years` later; 29 February becomes 28 February in a year without it.
    public func adding(years: Int) -> CalendarDate {
        let y = year + years
        return CalendarDate(year: y, month: month, day: min(day, Self.daysIn(month: month, year: y)))
            ?? self
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int {
        let utc = TimeZone(identifier: "UTC")!
        return Int((other.start(in: utc).timeIntervalSince(start(in: utc)) / 86_400).rounded())
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar { ShopCalendar.calendar(timeZone) }
}
