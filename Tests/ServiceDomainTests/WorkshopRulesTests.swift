import Foundation
import Testing
@testable import ServiceDomain

@Suite struct WorkshopRulesTests {
    let tech = Staff(id: 5, login: "liudm", name: "刘德明", roles: [.technician], skillLevel: 5)

    @Test func onlyActiveTechniciansTakeJobs() throws {
        try DispatchRules.checkTechnician(tech)
        var gone = tech
        gone.isActive = false
        #expect(throws: DispatchError.self) { try DispatchRules.checkTechnician(gone) }
        #expect(throws: DispatchError.self) {
            try DispatchRules.checkTechnician(Staff(id: 6, login: "", name: "李娜", roles: [.advisor]))
        }
    }

    @Test func reassigningNeedsAReasonButAFirstAssignmentDoesNot() throws {
        let fresh = Job(id: 1, repairOrderID: 1, description: "换机油")
        try DispatchRules.checkReassign(job: fresh, to: 5, reason: "")
        var assigned = fresh
        assigned.technicianID = 4
        try DispatchRules.checkReassign(job: assigned, to: 4, reason: "")
        let error = try #require(throws: DispatchError.self) {
            try DispatchRules.checkReassign(job: assigned, to: 5, reason: " ")
        }
        #expect(error.message.en.contains("reason") && error.message.zh.contains("原因"))
        try DispatchRules.checkReassign(job: assigned, to: 5, reason: "原技师请假")
    }

    @Test func dispatchNeedsATechnicianOnEveryOpenJob() throws {
        #expect(throws: DispatchError.self) { try DispatchRules.checkDispatchable(jobs: []) }
        let a = Job(id: 1, repairOrderID: 1, description: "换机油", technicianID: 5)
        var b = Job(id: 2, repairOrderID: 1, description: "四轮定位")
        #expect(throws: DispatchError.self) { try DispatchRules.checkDispatchable(jobs: [a, b]) }
        b.status = .declined
        try DispatchRules.checkDispatchable(jobs: [a, b])
    }

    @Test func workIsNotFinishedWhileAdditionalWorkAwaitsAnAnswer() throws {
        var extra = Job(id: 2, repairOrderID: 1, description: "更换刹车片", status: .awaitingApproval, isAdditional: true)
        #expect(throws: DispatchError.self) { try DispatchRules.checkWorkFinished(jobs: [extra]) }
        try DispatchRules.checkDecision(job: extra, approved: false)
        extra.status = .declined
        try DispatchRules.checkWorkFinished(jobs: [extra])
        #expect(throws: DispatchError.self) { try DispatchRules.checkDecision(job: extra, approved: true) }
    }

    @Test func promiseParsingTodayAndDates() throws {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let now = Date(timeIntervalSince1970: 1_795_309_200)  // 2026-11-22 09:00 Shanghai
        let today = try WaitingBoardRules.parsePromise("17:30", now: now, timeZone: zone)
        #expect(today == now.addingTimeInterval(8.5 * 3600))
        // A time of day that has passed is today's, for the rule to refuse; it does not become tomorrow.
        let passed = try WaitingBoardRules.parsePromise("08:00", now: now, timeZone: zone)
        #expect(passed == now.addingTimeInterval(-3600))
        let dated = try WaitingBoardRules.parsePromise("11-23 10:00", now: now, timeZone: zone)
        #expect(dated == now.addingTimeInterval(25 * 3600))
        for bad in ["", "25:00", "17", "11-31 10:00", "明天"] {
            let error = try #require(throws: ValidationError.self) {
                try WaitingBoardRules.parsePromise(bad, now: now, timeZone: zone)
            }
            #expect(error.field == .promisedTime)
        }
    }

    @Test func aDelayMovesThePromiseLaterIntoOpeningHours() throws {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let now = Date(timeIntervalSince1970: 1_795_309_200)  // 2026-11-22 09:00 Shanghai
        let hours = ShopHours.standard                         // 08:30-18:00
        try WaitingBoardRules.checkDelay(oldPromisedAt: now, newPromisedAt: now.addingTimeInterval(60), now: now,
                                         hours: hours, timeZone: zone)
        let earlier = try #require(throws: ValidationError.self) {
            try WaitingBoardRules.checkDelay(oldPromisedAt: now.addingTimeInterval(600), newPromisedAt: now.addingTimeInterval(300),
                                             now: now, hours: hours, timeZone: zone)
        }
        #expect(earlier.message.en == "The new promised time must be later than the old promise, 11-22 09:10")
        #expect(throws: ValidationError.self) {
            try WaitingBoardRules.checkDelay(oldPromisedAt: now.addingTimeInterval(-600), newPromisedAt: now, now: now,
                                             hours: hours, timeZone: zone)
        }
        // Late evening is refused with the opening hours named, not accepted for a shop that has closed.
        let evening = try #require(throws: ValidationError.self) {
            try WaitingBoardRules.checkDelay(oldPromisedAt: now, newPromisedAt: now.addingTimeInterval(11 * 3600), now: now,
                                             hours: hours, timeZone: zone)
        }
        #expect(evening.message.en.contains("The shop is open 08:30–18:00") && evening.message.en.contains("20:00"))
    }

    @Test func seventhirtyTypedAt0741IsRefusedWithTheReasonNotMovedToTomorrow() throws {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let now = ShopCalendar.calendar(zone).date(from: DateComponents(year: 2026, month: 12, day: 2, hour: 7, minute: 41))!
        let typed = try WaitingBoardRules.parsePromise("07:00", now: now, timeZone: zone)
        let error = try #require(throws: ValidationError.self) {
            try PromiseRules.check(typed, now: now, hours: .standard, timeZone: zone)
        }
        #expect(error.message.en == "The promised time 07:00 has already passed (it is 07:41): type a later time, or 12-03 07:00 for the next day")
        #expect(error.message.zh.contains("已经过去"))
        // And the next day at 07:00 is before opening.
        let tomorrow = try WaitingBoardRules.parsePromise("12-03 07:00", now: now, timeZone: zone)
        let closed = try #require(throws: ValidationError.self) {
            try PromiseRules.check(tomorrow, now: now, hours: .standard, timeZone: zone)
        }
        #expect(closed.message.en == "The shop is open 08:30–18:00; a car cannot be handed over at 12-03 07:00: promise a time within opening hours")
        // In New York the same rule reads New York's wall clock.
        let ny = TimeZone(identifier: "America/New_York")!
        let nyNow = ShopCalendar.calendar(ny).date(from: DateComponents(year: 2026, month: 12, day: 2, hour: 10, minute: 0))!
        try PromiseRules.check(try WaitingBoardRules.parsePromise("17:30", now: nyNow, timeZone: ny), now: nyNow, hours: .standard,
                               timeZone: ny)
    }

    @Test func durations() {
        #expect(WaitingBoardRules.duration(0) == "0m")
        #expect(WaitingBoardRules.duration(59 * 60 + 59) == "59m")
        #expect(WaitingBoardRules.duration(3600) == "1h00m")
        #expect(WaitingBoardRules.duration(-(3600 + 600)) == "-1h10m")
    }

    /// Risk colouring at its boundaries, with the clock passed in (the board's colours come from this).
    @Test func riskBoundaries() {
        let opened = Date(timeIntervalSince1970: 1_795_309_200)
        let promised = opened.addingTimeInterval(8 * 3600)
        func risk(_ offset: TimeInterval, _ stage: ROStage = .inProgress) -> PromiseRisk {
            PromiseRisk.risk(openedAt: opened, promisedAt: promised, stage: stage, now: opened.addingTimeInterval(offset))
        }
        #expect(risk(8 * 3600) == .missed)
        #expect(risk(8 * 3600 - 1) == .atRisk)
        #expect(risk(7 * 3600) == .onTrack)  // exactly one hour left is not yet "less than an hour"
        #expect(risk(7 * 3600 + 1) == .atRisk)
        #expect(risk(2 * 3600, .checkedIn) == .onTrack)  // exactly a quarter
        #expect(risk(2 * 3600 + 1, .checkedIn) == .atRisk)
        #expect(risk(2 * 3600 + 1, .dispatched) == .onTrack)
    }
}
