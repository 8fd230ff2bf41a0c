import Foundation

/// The shop's calendar: Gregorian, in the shop's time zone (a setting). Every rule, view and file
/// name that needs a day or a time of day builds its calendar here.
public enum ShopCalendar {
    public static func calendar(_ zone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        return cal
    }

    public static func startOfDay(_ date: Date, _ zone: TimeZone) -> Date { calendar(zone).startOfDay(for: date) }

    public static func addDays(_ days: Int, to date: Date, _ zone: TimeZone) -> Date {
        calendar(zone).date(byAdding: .day, value: days, to: date)!
    }

    /// Minutes since midnight of `date` in `zone`.
    public static func minuteOfDay(_ date: Date, _ zone: TimeZone) -> Int {
        let c = calendar(zone).dateComponents([.hour, .minute], from: date)
        return c.hour! * 60 + c.minute!
    }
}

/// How the shop writes its times and dates, in its time zone: the one formatter for screens,
/// messages, printed sheets and file names. Fixed digits, no locale.
public enum ShopTime {
    /// `07`: at least two digits.
    public static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `16:30`
    public static func clock(_ date: Date, _ zone: TimeZone) -> String {
        clock(minuteOfDay: ShopCalendar.minuteOfDay(date, zone))
    }

    /// `08:30` from minutes since midnight (`24:00` for the end of the day).
    public static func clock(minuteOfDay minute: Int) -> String { "\(two(minute / 60)):\(two(minute % 60))" }

    /// `16:30` on `now`'s day, `11-23 16:30` on another day (or always, `withDay`).
    public static func clock(_ date: Date, _ zone: TimeZone, now: Date, withDay: Bool = false) -> String {
        if withDay || !ShopCalendar.calendar(zone).isDate(date, inSameDayAs: now) { return monthDayClock(date, zone) }
        return clock(date, zone)
    }

    /// `11-23`
    public static func monthDay(_ date: Date, _ zone: TimeZone) -> String {
        let c = ShopCalendar.calendar(zone).dateComponents([.month, .day], from: date)
        return "\(two(c.month!))-\(two(c.day!))"
    }

    /// `11-23 16:30`
    public static func monthDayClock(_ date: Date, _ zone: TimeZone) -> String {
        let c = ShopCalendar.calendar(zone).dateComponents([.month, .day, .hour, .minute], from: date)
        return "\(two(c.month!))-\(two(c.day!)) \(two(c.hour!)):\(two(c.minute!))"
    }

    /// `2026-11-22`
    public static func date(_ date: Date, _ zone: TimeZone) -> String {
        let c = ShopCalendar.calendar(zone).dateComponents([.year, .month, .day], from: date)
        return "\(year(c.year!))-\(two(c.month!))-\(two(c.day!))"
    }

    /// `2026-11-22 周日 16:30` / `Sun 2026-11-22 16:30` (the header's clock, the appointments day).
    public static func weekdayDateTime(_ date: Date, _ zone: TimeZone, language: Language) -> String {
        let c = ShopCalendar.calendar(zone).dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let weekdaysZh = ["日", "一", "二", "三", "四", "五", "六"]
        let weekdaysEn = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let wd = (c.weekday ?? 1) - 1
        let day = "\(year(c.year!))-\(two(c.month!))-\(two(c.day!))"
        let time = "\(two(c.hour!)):\(two(c.minute!))"
        return language == .zhHans ? "\(day) 周\(weekdaysZh[wd]) \(time)" : "\(weekdaysEn[wd]) \(day) \(time)"
    }

    /// `2026-11-22 16:30`
    public static func dateTime(_ date: Date, _ zone: TimeZone) -> String {
        let c = ShopCalendar.calendar(zone).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(year(c.year!))-\(two(c.month!))-\(two(c.day!)) \(two(c.hour!)):\(two(c.minute!))"
    }

    /// `2026-11`: the month a date falls in.
    public static func month(_ date: Date, _ zone: TimeZone) -> String {
        let c = ShopCalendar.calendar(zone).dateComponents([.year, .month], from: date)
        return "\(year(c.year!))-\(two(c.month!))"
    }

    /// `20261122`: the day as digits (RO numbers).
    public static func dayKey(_ date: Date, _ zone: TimeZone) -> String {
        let c = ShopCalendar.calendar(zone).dateComponents([.year, .month, .day], from: date)
        return "\(year(c.year!))\(two(c.month!))\(two(c.day!))"
    }

    /// `20261122-163005`: a file name's stamp, to the second.
    public static func fileStamp(_ date: Date, _ zone: TimeZone) -> String {
        let c = ShopCalendar.calendar(zone).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(year(c.year!))\(two(c.month!))\(two(c.day!))-\(two(c.hour!))\(two(c.minute!))\(two(c.second!))"
    }

    /// `:05`: the seconds, for times that need them after `dateTime`.
    public static func seconds(_ date: Date, _ zone: TimeZone) -> String {
        ":" + two(ShopCalendar.calendar(zone).component(.second, from: date))
    }

    /// Four digits, as `%04d` wrote them.
    private static func year(_ n: Int) -> String {
        let digits = String(n)
        return n >= 0 && digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
    }
}
