import Foundation

/// A promised hand-over time the customer can hold the shop to: in the future, and while the shop is open
/// (`reception.open`–`reception.close`). A time that fails is refused with the reason; it is never moved
/// to another day behind the advisor's back.
public enum PromiseRules {
    /// Refuses a promise that is not in the future or falls outside the opening hours.
    public static func check(_ promised: Date, now: Date, hours: ShopHours, timeZone: TimeZone) throws {
        let sameDay = ShopCalendar.calendar(timeZone).isDate(promised, inSameDayAs: now)
        let typed = sameDay ? ShopTime.clock(promised, timeZone) : PromisedTime.format(promised, timeZone: timeZone)
        guard promised > now else {
            let nextDay = PromisedTime.format(ShopCalendar.addDays(1, to: promised, timeZone), timeZone: timeZone)
            throw ValidationError(.promisedTime,
                                  zh: "承诺时间 \(typed) 已经过去（现在 \(ShopTime.clock(now, timeZone))）：请输入以后的时间；如指明天，请输入 \(nextDay)",
                                  en: "The promised time \(typed) has already passed (it is \(ShopTime.clock(now, timeZone))): type a later time, or \(nextDay) for the next day")
        }
        let minute = ShopCalendar.minuteOfDay(promised, timeZone)
        guard minute >= hours.openMinute, minute <= hours.closeMinute else {
            let open = ShopTime.clock(minuteOfDay: hours.openMinute), close = ShopTime.clock(minuteOfDay: hours.closeMinute)
            throw ValidationError(.promisedTime,
                                  zh: "本店营业时间 \(open)–\(close)，\(typed) 无法交车：请承诺营业时间内的时间",
                                  en: "The shop is open \(open)–\(close); a car cannot be handed over at \(typed): promise a time within opening hours")
        }
    }

    /// A delay moves the promise later than the old one, into a time the shop is open.
    public static func checkDelay(oldPromisedAt: Date, newPromisedAt: Date, now: Date, hours: ShopHours,
                                  timeZone: TimeZone) throws {
        try check(newPromisedAt, now: now, hours: hours, timeZone: timeZone)
        guard newPromisedAt > oldPromisedAt else {
            let old = PromisedTime.format(oldPromisedAt, timeZone: timeZone)
            throw ValidationError(.promisedTime, zh: "新的承诺时间必须晚于原承诺时间 \(old)",
                                  en: "The new promised time must be later than the old promise, \(old)")
        }
    }
}
