import Foundation
import Testing
@testable import ServiceDomain

private let delivered = Date(timeIntervalSince1970: 1_795_309_200) // 2026-11-22 09:00 Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!
private func hours(_ h: Double) -> TimeInterval { h * 3600 }

private func callback(id: RowID = 1, due: Date, nextTry: Date? = nil, status: CallbackStatus = .open) -> Callback {
    Callback(id: id, repairOrderID: 10, dueAt: due, status: status, nextTryAt: nextTry)
}

@Suite struct FollowUpRulesTests {
    @Test func dueTimeFollowsTheShopWindow() {
        var settings = FollowUpSettings()
        #expect(FollowUpRules.dueAt(deliveredAt: delivered, settings: settings, timeZone: zone) == delivered.addingTimeInterval(hours(24)))
        settings = FollowUpSettings(settings: [FollowUpSettings.windowKey: "48"])
        #expect(FollowUpRules.dueAt(deliveredAt: delivered, settings: settings, timeZone: zone) == delivered.addingTimeInterval(hours(48)))
        // An unreadable setting keeps the default rather than breaking the queue.
        settings = FollowUpSettings(settings: [FollowUpSettings.windowKey: "forever"])
        #expect(settings.windowHours == 24)
    }

    @Test func queueSortsEveryCallByWhenItIsNextDueRetriesIncluded() {
        let now = delivered.addingTimeInterval(hours(30))
        let overdueLate = callback(id: 1, due: now.addingTimeInterval(-hours(1)))
        let overdueEarly = callback(id: 2, due: now.addingTimeInterval(-hours(5)))
        let dueSoon = callback(id: 3, due: now.addingTimeInterval(hours(2)))
        let dueLater = callback(id: 4, due: now.addingTimeInterval(hours(20)))
        let retrying = callback(id: 5, due: now.addingTimeInterval(-hours(10)), nextTry: now.addingTimeInterval(hours(1)))
        let retryDone = callback(id: 6, due: now.addingTimeInterval(-hours(3)), nextTry: now.addingTimeInterval(-60))
        let sorted = [dueLater, retrying, dueSoon, overdueLate, retryDone, overdueEarly]
            .sorted { FollowUpRules.queueOrder($0, $1, now: now) }
        // The retry at +1h sits between the overdue calls and the call due at +2h, not below tomorrow's.
        #expect(sorted.map(\.id) == [2, 1, 6, 5, 3, 4])
        #expect(FollowUpRules.isOverdue(overdueLate, now: now))
        #expect(!FollowUpRules.isOverdue(dueSoon, now: now))
        #expect(!FollowUpRules.isReadyToCall(retrying, now: now))
    }

    @Test func noAnswerRetriesAfterTheIntervalThenExpiresAsUnreachable() throws {
        let settings = FollowUpSettings(settings: [FollowUpSettings.retryKey: "90", FollowUpSettings.unreachableDaysKey: "5"])
        let c = callback(due: delivered.addingTimeInterval(hours(24)))
        let now = c.dueAt.addingTimeInterval(hours(1))
        let first = try FollowUpRules.apply(.noAnswer, to: c, now: now, settings: settings, timeZone: zone)
        #expect(first.callback.status == .open)
        #expect(first.callback.nextTryAt == now.addingTimeInterval(90 * 60))
        #expect(!first.needsMessageOrLetter)
        let busy = try FollowUpRules.apply(.busy, to: first.callback, now: now.addingTimeInterval(hours(2)), settings: settings, timeZone: zone)
        #expect(busy.callback.nextTryAt == now.addingTimeInterval(hours(2) + 90 * 60))

        // Five days after the due time nobody answered: closed, and a message or letter is owed.
        let late = c.dueAt.addingTimeInterval(5 * 86_400 - 60)
        let expired = try FollowUpRules.apply(.noAnswer, to: busy.callback, now: late, settings: settings, timeZone: zone)
        #expect(expired.callback.status == .unreachable)
        #expect(expired.callback.completedAt == late)
        #expect(expired.callback.nextTryAt == nil)
        #expect(expired.needsMessageOrLetter)
        #expect(throws: FollowUpError.notOpen) { try FollowUpRules.apply(.noAnswer, to: expired.callback, now: late, settings: settings, timeZone: zone) }
    }

    @Test func wrongNumberAndDeclinedCloseTheCallback() throws {
        let c = callback(due: delivered)
        let wrong = try FollowUpRules.apply(.wrongNumber, to: c, now: delivered, settings: FollowUpSettings(), timeZone: zone)
        #expect(wrong.callback.status == .unreachable && wrong.needsMessageOrLetter)
        let declined = try FollowUpRules.apply(.declinedSurvey, to: c, now: delivered, settings: FollowUpSettings(), timeZone: zone)
        #expect(declined.callback.status == .declined && !declined.needsMessageOrLetter)
    }

    @Test func callBackLaterNeedsAFutureTime() throws {
        let c = callback(due: delivered)
        let now = delivered.addingTimeInterval(hours(1))
        #expect(throws: FollowUpError.callBackInPast) {
            try FollowUpRules.apply(.callBackLater, to: c, callBackAt: now.addingTimeInterval(-60), now: now, settings: FollowUpSettings(), timeZone: zone)
        }
        #expect(throws: FollowUpError.callBackMissing) {
            try FollowUpRules.apply(.callBackLater, to: c, now: now, settings: FollowUpSettings(), timeZone: zone)
        }
        let at = now.addingTimeInterval(hours(3))
        #expect(try FollowUpRules.apply(.callBackLater, to: c, callBackAt: at, now: now, settings: FollowUpSettings(), timeZone: zone).callback.nextTryAt == at)
    }

    @Test func typedCallBackTimesAreReadInTheShopZone() throws {
        let now = delivered // 09:00 Shanghai
        let today = try FollowUpRules.parseCallBackTime("18:30", now: now, timeZone: zone)
        #expect(today == now.addingTimeInterval(hours(9.5)))
        let other = try FollowUpRules.parseCallBackTime("11-23 10:00", now: now, timeZone: zone)
        #expect(other == now.addingTimeInterval(hours(25)))
        #expect(throws: FollowUpError.callBackInPast) { try FollowUpRules.parseCallBackTime("08:00", now: now, timeZone: zone) }
        #expect(throws: FollowUpError.callBackMissing) { try FollowUpRules.parseCallBackTime("tonight", now: now, timeZone: zone) }
        #expect(throws: FollowUpError.callBackMissing) { try FollowUpRules.parseCallBackTime("25:00", now: now, timeZone: zone) }
    }

    @Test func theCallerRuleIsAShopSetting() throws {
        var settings = FollowUpSettings()
        try FollowUpRules.checkCaller(callerID: 7, advisorID: 7, settings: settings)
        settings = FollowUpSettings(settings: [FollowUpSettings.callerRuleKey: "true"])
        #expect(throws: FollowUpError.callerIsAdvisor) { try FollowUpRules.checkCaller(callerID: 7, advisorID: 7, settings: settings) }
        try FollowUpRules.checkCaller(callerID: 8, advisorID: 7, settings: settings)
    }

    @Test func scoresOutsideOneToTenAreRefusedNamingTheRange() throws {
        #expect(try FollowUpRules.score("10") == 10)
        #expect(try FollowUpRules.score(" 1 ") == 1)
        for bad in ["0", "11", "-3", "7.5", "", "九"] {
            do {
                _ = try FollowUpRules.score(bad)
                Issue.record("\(bad) accepted")
            } catch let e as FollowUpError {
                #expect(e.message.en.contains("1 to 10") && e.message.zh.contains("1 到 10"))
            }
        }
        #expect(throws: FollowUpError.self) { try FollowUpRules.complete(callback(due: delivered), score: 0, now: delivered) }
    }

    @Test func lowScoresOrAnExplicitWishOpenAComplaint() {
        let s = FollowUpSettings()
        #expect(FollowUpRules.needsComplaint(score: 6, wantsComplaint: false, settings: s))
        #expect(!FollowUpRules.needsComplaint(score: 7, wantsComplaint: false, settings: s))
        #expect(FollowUpRules.needsComplaint(score: 10, wantsComplaint: true, settings: s))
        #expect(!FollowUpRules.needsComplaint(score: nil, wantsComplaint: false, settings: s))
        let strict = FollowUpSettings(settings: [FollowUpSettings.thresholdKey: "8"])
        #expect(FollowUpRules.needsComplaint(score: 8, wantsComplaint: false, settings: strict))
        #expect(FollowUpRules.likelyCategory([SurveyQuestion.problemFixed: "no"]) == .repairQuality)
        #expect(FollowUpRules.likelyCategory([SurveyQuestion.readyOnTime: "no"]) == .timeliness)
        #expect(FollowUpRules.problemNotFixed([SurveyQuestion.problemFixed: "no"]))
    }

    @Test func theScriptCanBeConfigured() {
        let s = FollowUpSettings(settings: [FollowUpSettings.questionsKey: "wash|洗车满意吗？|Happy with the wash?|yesNo\nscore|打分|Score|score\nbroken line"])
        #expect(s.questions.map(\.key) == ["wash", "score"])
        #expect(s.questions[1].kind == .score)
        #expect(FollowUpSettings().questions.count == 5)
    }

    @Test func confirmationCallIsDueWithinTwoDaysOfResolution() {
        let c = FollowUpRules.confirmationCallback(repairOrderID: 4, resolvedAt: delivered, settings: FollowUpSettings(), timeZone: zone)
        #expect(c.kind == .complaintConfirmation && c.dueAt == delivered.addingTimeInterval(2 * 86_400) && c.status == .open)
    }

    @Test func figures() {
        let due = delivered.addingTimeInterval(hours(24))
        let callbacks = [
            Callback(repairOrderID: 1, dueAt: due, status: .completed, completedAt: due.addingTimeInterval(-60), satisfaction: 10),
            Callback(repairOrderID: 2, dueAt: due, status: .completed, completedAt: due.addingTimeInterval(60), satisfaction: 6),
            Callback(repairOrderID: 3, dueAt: due, status: .unreachable, completedAt: due),
            Callback(repairOrderID: 4, dueAt: due, status: .open),
            Callback(repairOrderID: 5, kind: .complaintConfirmation, dueAt: due, status: .completed, completedAt: due, satisfaction: 9),
        ]
        let opened = delivered
        let complaints = [
            Complaint(customerID: 1, repairOrderID: 2, category: .repairQuality, channel: .callback, description: "x",
                      openedAt: opened, firstContactAt: opened.addingTimeInterval(hours(2)), resolvedAt: opened.addingTimeInterval(hours(48))),
            Complaint(customerID: 1, repairOrderID: nil, category: .priceOrBill, channel: .phone, description: "y",
                      openedAt: opened, firstContactAt: opened.addingTimeInterval(hours(4))),
        ]
        let f = FollowUpFigures.compute(callbacks: callbacks, complaints: complaints)
        #expect(f.callbacksDue == 4)
        #expect(f.completedWithinWindow == 1)
        #expect(f.reachRate == 2.0 / 3.0)
        #expect(f.averageScore == 8)
        #expect(f.topBoxShare == 0.5)
        #expect(f.scores == [10: 1, 6: 1])
        #expect(f.complaintsByCategory == [.repairQuality: 1, .priceOrBill: 1])
        #expect(f.medianFirstContactHours == 3)
        #expect(f.medianResolutionHours == 48)
    }
}
