import Foundation
import Testing
@testable import ServiceDomain

private let shanghai = TimeZone(identifier: "Asia/Shanghai")!
private let newYork = TimeZone(identifier: "America/New_York")!

/// A wall-clock time in `zone` (fixed clocks: no test reads the real time).
private func at(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ zone: TimeZone = shanghai) -> Date {
    ShopCalendar.calendar(zone).date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi))!
}

@Suite struct CallingHoursTests {
    @Test func aCallDueBeforeNineMovesToNine() {
        #expect(CallScheduling.nextCallTime(atOrAfter: at(2026, 12, 3, 7, 42), timeZone: shanghai) == at(2026, 12, 3, 9, 0))
        // Inside the hours nothing moves.
        #expect(CallScheduling.nextCallTime(atOrAfter: at(2026, 12, 3, 10, 15), timeZone: shanghai) == at(2026, 12, 3, 10, 15))
        // After 20:00 it is the next morning.
        #expect(CallScheduling.nextCallTime(atOrAfter: at(2026, 12, 3, 20, 0), timeZone: shanghai) == at(2026, 12, 4, 9, 0))
    }

    @Test func theDeliveryCallbackLandsInTheCallingWindow() {
        // Delivered at 07:42: 24 h later is 07:42, before the shop calls anyone.
        let due = FollowUpRules.dueAt(deliveredAt: at(2026, 12, 2, 7, 42), settings: FollowUpSettings(), timeZone: shanghai)
        #expect(due == at(2026, 12, 3, 9, 0))
        let late = FollowUpSettings(settings: [CallingHours.key: "10:30-19:00"])
        #expect(FollowUpRules.dueAt(deliveredAt: at(2026, 12, 2, 7, 42), settings: late, timeZone: shanghai) == at(2026, 12, 3, 10, 30))
    }

    @Test func notAtLunchtimeSkipsNoonToTwo() {
        let due = FollowUpRules.dueAt(deliveredAt: at(2026, 12, 2, 12, 20), settings: FollowUpSettings(), window: .notLunchtime,
                                      timeZone: shanghai)
        #expect(due == at(2026, 12, 3, 14, 0))
        #expect(CallScheduling.nextCallTime(atOrAfter: at(2026, 12, 3, 7, 0), window: .afternoon, timeZone: shanghai)
                    == at(2026, 12, 3, 14, 0))
        #expect(CallScheduling.nextCallTime(atOrAfter: at(2026, 12, 3, 13, 0), window: .morning, timeZone: shanghai)
                    == at(2026, 12, 4, 9, 0))
        #expect(CallScheduling.nextCallTime(atOrAfter: at(2026, 12, 3, 9, 30), window: .evening, timeZone: shanghai)
                    == at(2026, 12, 3, 18, 0))
    }

    @Test func aWindowOutsideTheHoursFallsBackToTheHours() {
        let hours = CallingHours(text: "09:00-17:00")!
        #expect(CallScheduling.nextCallTime(atOrAfter: at(2026, 12, 3, 7, 0), hours: hours, window: .evening, timeZone: shanghai)
                    == at(2026, 12, 3, 9, 0))
    }

    @Test func retriesAfterNoAnswerMoveIntoTheWindow() throws {
        let settings = FollowUpSettings(settings: [FollowUpSettings.retryKey: "120"])
        let c = Callback(id: 1, repairOrderID: 1, dueAt: at(2026, 12, 3, 9, 0))
        // No answer at 19:10: two hours later is 21:10, so the retry is tomorrow at 09:00.
        let r = try FollowUpRules.apply(.noAnswer, to: c, now: at(2026, 12, 3, 19, 10), settings: settings, timeZone: shanghai)
        #expect(r.callback.nextTryAt == at(2026, 12, 4, 9, 0))
        // No answer at 11:00 from a customer who does not take calls at lunch: 13:00 becomes 14:00.
        let lunch = try FollowUpRules.apply(.busy, to: c, now: at(2026, 12, 3, 11, 0), settings: settings, window: .notLunchtime,
                                            timeZone: shanghai)
        #expect(lunch.callback.nextTryAt == at(2026, 12, 3, 14, 0))
    }

    @Test func theWindowIsOnTheShopsWallClockInEveryZone() {
        // New York's clocks go back on 2026-11-01: 09:00 is still 09:00 on the wall.
        #expect(CallScheduling.nextCallTime(atOrAfter: at(2026, 11, 1, 6, 0, newYork), timeZone: newYork)
                    == at(2026, 11, 1, 9, 0, newYork))
        // The same instant is 19:00 in Shanghai: inside the hours there, so it stays.
        let instant = at(2026, 11, 1, 6, 0, newYork)
        #expect(CallScheduling.nextCallTime(atOrAfter: instant, timeZone: shanghai) == instant)
        #expect(CallScheduling.nextCallTime(atOrAfter: at(2026, 12, 3, 7, 42, .gmt), timeZone: .gmt) == at(2026, 12, 3, 9, 0, .gmt))
    }

    @Test func theCustomersWordsAreReadOnlyWhenTheyNameAWindow() {
        #expect(CallWindow.read("午休除外") == .notLunchtime)
        #expect(CallWindow.read(" Not at lunchtime ") == .notLunchtime)
        #expect(CallWindow.read("下午") == .afternoon)
        #expect(CallWindow.read("下午3点后") == nil)
        #expect(CallWindow.read("") == nil)
        // A picked window wins over the words; unpicked, the visit's words, then the customer's.
        #expect(CallWindow.effective(picked: "morning", visitText: "下午", customerText: "") == .morning)
        #expect(CallWindow.effective(picked: "", visitText: "晚上", customerText: "上午") == .evening)
        #expect(CallWindow.effective(picked: "", visitText: "随时", customerText: "上午") == .morning)
        #expect(CallWindow.effective(picked: "", visitText: "", customerText: "") == .anyTime)
    }

    @Test func unreadableCallingHoursKeepTheDefault() {
        #expect(FollowUpSettings(settings: [CallingHours.key: "20:00-09:00"]).callingHours == .standard)
        #expect(FollowUpSettings(settings: [CallingHours.key: "soon"]).callingHours == .standard)
        #expect(FollowUpSettings(settings: [CallingHours.key: "08:30 - 21:00"]).callingHours.text == "08:30-21:00")
    }
}
