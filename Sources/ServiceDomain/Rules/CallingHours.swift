import Foundation

/// The hours in which the shop calls customers (setting `followup.callingHours`, default 09:00-20:00),
/// in minutes from midnight in the shop's zone. Nobody is called at 07:42 because a car left at 07:42.
public struct CallingHours: Sendable, Equatable {
    public var startMinute: Int
    public var endMinute: Int

    public static let key = "followup.callingHours"
    public static let standard = CallingHours()

    public init(startMinute: Int = 9 * 60, endMinute: Int = 20 * 60) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// `"09:00-20:00"`; nil when unreadable or empty, so the caller keeps the default.
    public init?(text: String) {
        let parts = text.replacingOccurrences(of: "–", with: "-").split(separator: "-")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = ShopHours.minuteOfDay(parts[0]), let end = ShopHours.minuteOfDay(parts[1]),
              start < end else { return nil }
        self.init(startMinute: start, endMinute: end)
    }

    public var text: String { "\(ShopTime.clock(minuteOfDay: startMinute))-\(ShopTime.clock(minuteOfDay: endMinute))" }
}

/// When the customer likes to be called, as a small set the scheduling rule can read. What they said in
/// their own words stays in the free-text preferred call time, shown beside it.
public enum CallWindow: String, Sendable, Equatable, CaseIterable, Codable {
    case anyTime = "any"
    case morning
    case notLunchtime
    case afternoon
    case evening

    /// Lunch and the midday rest (午休), kept free of calls by `notLunchtime`.
    public static let lunch = (12 * 60)..<(14 * 60)

    public var label: Message {
        switch self {
        case .anyTime: Message(zh: "任何时间", en: "any time")
        case .morning: Message(zh: "上午（12:00 前）", en: "morning (before 12:00)")
        case .notLunchtime: Message(zh: "午休除外（12:00–14:00 不打）", en: "not at lunchtime (12:00–14:00)")
        case .afternoon: Message(zh: "下午（14:00–18:00）", en: "afternoon (14:00–18:00)")
        case .evening: Message(zh: "晚上（18:00 后）", en: "evening (after 18:00)")
        }
    }

    /// A few characters for the queue's narrow column.
    public var short: Message {
        switch self {
        case .anyTime: Message(zh: "", en: "")
        case .morning: Message(zh: "上午", en: "morning")
        case .notLunchtime: Message(zh: "非午休", en: "no lunch")
        case .afternoon: Message(zh: "下午", en: "afternoon")
        case .evening: Message(zh: "晚上", en: "evening")
        }
    }

    /// Minutes of the day the window allows, before the shop's calling hours are applied.
    var ranges: [Range<Int>] {
        switch self {
        case .anyTime: [0..<(24 * 60)]
        case .morning: [0..<(12 * 60)]
        case .notLunchtime: [0..<Self.lunch.lowerBound, Self.lunch.upperBound..<(24 * 60)]
        case .afternoon: [(14 * 60)..<(18 * 60)]
        case .evening: [(18 * 60)..<(24 * 60)]
        }
    }

    /// A stored value; anything unknown reads as no preference.
    public init(stored: String) { self = CallWindow(rawValue: stored) ?? .anyTime }

    /// The window a call follows: the one picked for the customer, else what the visit's or the customer's
    /// own words say when they name a window exactly, else any time.
    public static func effective(picked: String, visitText: String, customerText: String) -> CallWindow {
        if let w = CallWindow(rawValue: picked) { return w }
        return read(visitText) ?? read(customerText) ?? .anyTime
    }

    /// The free text when it says exactly one of the windows ("上午", "not at lunchtime"…); nil for anything
    /// else ("下午3点后" is a note for the caller, not a rule).
    public static func read(_ text: String) -> CallWindow? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !t.isEmpty else { return nil }
        let words: [(CallWindow, [String])] = [
            (.morning, ["上午", "早上", "morning", "mornings", "am"]),
            (.notLunchtime, ["午休除外", "中午别打", "中午不要打", "不要中午", "非午休", "not at lunchtime", "not lunchtime",
                             "no lunchtime", "not at lunch", "no lunch"]),
            (.afternoon, ["下午", "afternoon", "afternoons", "pm"]),
            (.evening, ["晚上", "傍晚", "evening", "evenings"]),
        ]
        return words.first { $0.1.contains(t) }?.0
    }
}

/// When a call may be made: the shop's calling hours, then the customer's window.
public enum CallScheduling {
    /// The earliest moment at or after `date` inside the calling hours and the customer's window. A window
    /// that never meets the calling hours (evening, when the shop stops calling at 17:00) falls back to
    /// the calling hours alone, so the call is never pushed away for good.
    public static func nextCallTime(atOrAfter date: Date, hours: CallingHours = .standard, window: CallWindow = .anyTime,
                                    timeZone: TimeZone) -> Date {
        let calling = hours.startMinute..<hours.endMinute
        var allowed = window.ranges.map { $0.clamped(to: calling) }.filter { !$0.isEmpty }
        if allowed.isEmpty { allowed = [calling] }
        let calendar = ShopCalendar.calendar(timeZone)
        let firstDay = calendar.startOfDay(for: date)
        for offset in 0..<3 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: firstDay) else { break }
            for range in allowed {
                guard let start = wallClock(range.lowerBound, on: day, calendar),
                      let end = wallClock(range.upperBound, on: day, calendar) else { continue }
                if date < end { return max(date, start) }
            }
        }
        return date
    }

    /// Whether `date` is a time the rule would call at (inside the hours and the window).
    public static func isCallable(_ date: Date, hours: CallingHours = .standard, window: CallWindow = .anyTime,
                                  timeZone: TimeZone) -> Bool {
        nextCallTime(atOrAfter: date, hours: hours, window: window, timeZone: timeZone) == date
    }

    /// `minute` of `day` on the wall clock (so a DST day still calls at 09:00, not 08:00 or 10:00).
    private static func wallClock(_ minute: Int, on day: Date, _ calendar: Calendar) -> Date? {
        if minute >= 24 * 60 { return calendar.date(byAdding: .day, value: 1, to: day) }
        return calendar.date(bySettingHour: minute / 60, minute: minute % 60, second: 0, of: day)
    }
}
