import Foundation
import ServiceDomain
import Testing
@testable import ServiceStore

/// A shop with two advisors and a manager, and one delivered order whose callback is due.
private struct FollowUpShop {
    let db: AppDatabase
    let receiver: Operator   // the advisor who received the car
    let colleague: Operator
    let manager: Operator
    let order: RepairOrder
    let callback: Callback

    init(_ folder: TempFolder) throws {
        db = try Fixture.open(folder)
        let setup = Operator(staffID: nil, name: "setup")
        let now = Fixture.morning
        let a = try db.saveStaff(Staff(login: "lina", name: "李娜", roles: [.advisor]), operator: setup, now: now)
        let b = try db.saveStaff(Staff(login: "zhou", name: "周建华", roles: [.advisor]), operator: setup, now: now)
        let m = try db.saveStaff(Staff(login: "zheng", name: "郑经理", roles: [.manager]), operator: setup, now: now)
        receiver = a.asOperator
        colleague = b.asOperator
        manager = m.asOperator
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345")
        var ro = Fixture.repairOrder(customer: owner, vehicle: car)
        ro.advisorID = a.id
        order = try db.createRepairOrder(ro, concerns: [Concern(repairOrderID: 0, text: "刹车异响", category: .brakes)],
                                         jobs: [Job(repairOrderID: 0, description: "更换前刹车片", labour: .yuan(150), parts: .yuan(400))],
                                         operator: receiver, now: now, timeZone: Fixture.shanghai)
        callback = try db.createCallback(Callback(repairOrderID: order.id!, dueAt: now.addingTimeInterval(24 * 3600)),
                                         operator: receiver, now: now)
    }
}

@Suite struct FollowUpStoreTests {
    @Test func theQueueShowsTheCallWithTheFullNumberAndWhatWasDone() throws {
        let folder = TempFolder()
        let shop = try FollowUpShop(folder)
        let rows = try shop.db.callbackQueue(now: Fixture.morning)
        #expect(rows.count == 1)
        #expect(rows[0].phone == "13812345678")
        #expect(rows[0].plate == "粤A12345")
        #expect(rows[0].workDone == "更换前刹车片")
        #expect(rows[0].advisorName == "李娜")
        #expect(rows[0].roNumber == shop.order.number)
    }

    @Test func noAnswerIsCountedAndRetriedThenExpiresIntoAMessageTask() throws {
        let folder = TempFolder()
        let shop = try FollowUpShop(folder)
        let t1 = shop.callback.dueAt.addingTimeInterval(600)
        let r1 = try shop.db.recordCallOutcome(callbackID: shop.callback.id!, version: shop.callback.version, outcome: .noAnswer,
                                               operator: shop.receiver, now: t1)
        #expect(r1.callback.attempts == 1 && r1.callback.nextTryAt == t1.addingTimeInterval(120 * 60))
        #expect(try shop.db.callAttempts(callbackID: shop.callback.id!).map(\.outcome) == [.noAnswer])
        // A stale version (another desk recorded a try meanwhile) is refused, nothing is written.
        #expect(throws: StoreError.self) {
            try shop.db.recordCallOutcome(callbackID: shop.callback.id!, version: shop.callback.version, outcome: .busy,
                                          operator: shop.receiver, now: t1)
        }
        let t2 = shop.callback.dueAt.addingTimeInterval(5 * 86_400)
        let r2 = try shop.db.recordCallOutcome(callbackID: shop.callback.id!, version: r1.callback.version, outcome: .busy,
                                               operator: shop.receiver, now: t2)
        #expect(r2.callback.status == .unreachable && r2.needsMessageOrLetter && r2.callback.attempts == 2)
        #expect(try shop.db.callbackQueue(now: t2).isEmpty)
        #expect(try shop.db.messageOrLetterTasks(now: t2).map(\.id) == [shop.callback.id!])
    }

    @Test func theMessageOrLetterIsMarkedSentOnceAndLeavesTheTasks() throws {
        let folder = TempFolder()
        let shop = try FollowUpShop(folder)
        let id = shop.callback.id!
        // Still open: nothing is owed yet.
        #expect(throws: FollowUpError.noMessageOwed) {
            try shop.db.markMessageSent(callbackID: id, version: shop.callback.version, operator: shop.colleague,
                                        now: Fixture.morning)
        }
        let t1 = shop.callback.dueAt.addingTimeInterval(600)
        let r1 = try shop.db.recordCallOutcome(callbackID: id, version: shop.callback.version, outcome: .noAnswer,
                                               operator: shop.receiver, now: t1)
        let t2 = shop.callback.dueAt.addingTimeInterval(5 * 86_400)
        let r2 = try shop.db.recordCallOutcome(callbackID: id, version: r1.callback.version, outcome: .busy,
                                               operator: shop.receiver, now: t2)
        #expect(try shop.db.messageOrLetterTasks(now: t2).map(\.id) == [id])
        // A stale version is refused and changes nothing.
        #expect(throws: StoreError.self) {
            try shop.db.markMessageSent(callbackID: id, version: r1.callback.version, operator: shop.colleague, now: t2)
        }
        let sent = try shop.db.markMessageSent(callbackID: id, version: r2.callback.version, operator: shop.colleague,
                                               now: t2)
        #expect(sent.messageSentAt == t2 && sent.messageSentByID == shop.colleague.staffID)
        #expect(sent.status == .unreachable && sent.version == r2.callback.version + 1)
        #expect(try shop.db.messageOrLetterTasks(now: t2).isEmpty)
        let audit = try shop.db.auditEntries(entity: Callback.table, entityID: id)
        #expect(audit.first?.operatorName == "周建华" && audit.first?.action == "update")
        #expect(throws: FollowUpError.messageAlreadySent) {
            try shop.db.markMessageSent(callbackID: id, version: sent.version, operator: shop.colleague, now: t2)
        }
    }

    @Test func theCallerRuleAndPermissionsAreChecked() throws {
        let folder = TempFolder()
        let shop = try FollowUpShop(folder)
        try shop.db.setSetting(key: FollowUpSettings.callerRuleKey, value: "true", operator: shop.manager, now: Fixture.morning)
        #expect(throws: FollowUpError.callerIsAdvisor) {
            try shop.db.recordCallOutcome(callbackID: shop.callback.id!, version: shop.callback.version, outcome: .noAnswer,
                                          operator: shop.receiver, now: Fixture.morning)
        }
        #expect(throws: PermissionError.self) {
            try shop.db.recordCallOutcome(callbackID: shop.callback.id!, version: shop.callback.version, outcome: .noAnswer,
                                          operator: Operator(staffID: nil, name: "stranger"), now: Fixture.morning)
        }
        #expect(try shop.db.callAttempts(callbackID: shop.callback.id!).isEmpty)
        _ = try shop.db.recordCallOutcome(callbackID: shop.callback.id!, version: shop.callback.version, outcome: .noAnswer,
                                          operator: shop.colleague, now: Fixture.morning)
    }

    @Test func aLowScoreOpensAComplaintAndProblemNotFixedFlagsAComeback() throws {
        let folder = TempFolder()
        let shop = try FollowUpShop(folder)
        let now = shop.callback.dueAt.addingTimeInterval(-3600)
        let answers = [SurveyQuestion.readyOnTime: "yes", SurveyQuestion.explained: "yes", SurveyQuestion.problemFixed: "no",
                       SurveyQuestion.satisfaction: "4", SurveyQuestion.comments: "刹车还响", SurveyQuestion.wantsComplaint: "no"]
        #expect(throws: FollowUpError.self) {
            var bad = answers
            bad[SurveyQuestion.satisfaction] = "11"
            _ = try shop.db.completeCallback(callbackID: shop.callback.id!, version: shop.callback.version, answers: bad,
                                             operator: shop.colleague, now: now)
        }
        let done = try shop.db.completeCallback(callbackID: shop.callback.id!, version: shop.callback.version, answers: answers,
                                                operator: shop.colleague, now: now)
        #expect(done.callback.status == .completed && done.callback.satisfaction == 4 && done.callback.attempts == 1)
        #expect(try shop.db.callbackAnswers(callbackID: shop.callback.id!) == answers)
        #expect(done.comeback?.source == .followUp && done.comeback?.earlierRepairOrderID == shop.order.id)
        let complaint = try #require(done.complaint)
        #expect(complaint.category == .repairQuality && complaint.channel == .callback && complaint.ownerID == shop.colleague.staffID)
        #expect(complaint.description == "刹车还响" && complaint.firstContactAt == now)
        #expect(try shop.db.complaintEvents(complaintID: complaint.id!).map(\.step) == [.acknowledged])

        let figures = try shop.db.followUpFigures(from: Fixture.morning, to: Fixture.morning.addingTimeInterval(7 * 86_400))
        #expect(figures.completedWithinWindow == 1 && figures.averageScore == 4 && figures.complaintsByCategory == [.repairQuality: 1])
    }

    @Test func aHappyCustomerOpensNoComplaint() throws {
        let folder = TempFolder()
        let shop = try FollowUpShop(folder)
        let done = try shop.db.completeCallback(callbackID: shop.callback.id!, version: shop.callback.version,
                                                answers: [SurveyQuestion.problemFixed: "yes", SurveyQuestion.satisfaction: "9"],
                                                operator: shop.colleague, now: Fixture.morning)
        #expect(done.complaint == nil && done.comeback == nil)
        #expect(try shop.db.complaintRows(now: Fixture.morning).isEmpty)
    }

    @Test func complaintStepsAreRecordedAndClosingSchedulesTheConfirmationCall() throws {
        let folder = TempFolder()
        let shop = try FollowUpShop(folder)
        let now = Fixture.morning
        var c = try shop.db.openComplaint(customerID: shop.order.customerID, repairOrderID: nil, category: .priceOrBill,
                                          channel: .walkIn, description: "账单比估价高", operator: shop.receiver, now: now)
        #expect(c.repairOrderID == shop.order.id && c.ownerID == shop.receiver.staffID)
        #expect(throws: ComplaintError.notOwner) {
            try shop.db.advanceComplaint(id: c.id!, version: c.version, to: .registered, note: "", operator: shop.colleague, now: now)
        }
        c = try shop.db.handOverComplaint(id: c.id!, version: c.version, to: shop.colleague.staffID!, note: "我明天休假",
                                          operator: shop.receiver, now: now)
        c = try shop.db.advanceComplaint(id: c.id!, version: c.version, to: .registered, note: "", operator: shop.colleague, now: now).complaint
        c = try shop.db.advanceComplaint(id: c.id!, version: c.version, to: .handling, note: "退还多收的材料费",
                                         operator: shop.colleague, now: now).complaint
        c = try shop.db.advanceComplaint(id: c.id!, version: c.version, to: .replied, note: "电话解释并退款",
                                         operator: shop.colleague, now: now).complaint
        #expect(throws: ComplaintError.closeNeedsConfirmation) {
            try shop.db.advanceComplaint(id: c.id!, version: c.version, to: .closed, note: "", operator: shop.colleague, now: now)
        }
        let closedAt = now.addingTimeInterval(3 * 86_400)
        let change = try shop.db.advanceComplaint(id: c.id!, version: c.version, to: .closed, note: "", closing: .customerConfirmed,
                                                  operator: shop.colleague, now: closedAt)
        #expect(change.complaint.step == .closed && change.complaint.resolvedAt == closedAt)
        let confirmation = try #require(change.confirmationCallback)
        #expect(confirmation.kind == .complaintConfirmation && confirmation.dueAt == closedAt.addingTimeInterval(2 * 86_400))
        #expect(try shop.db.callbackQueue(now: closedAt).contains { $0.id == confirmation.id })
        let history = try shop.db.complaintHistory(complaintID: c.id!)
        #expect(history.map(\.step) == [.acknowledged, .acknowledged, .registered, .handling, .replied, .closed])
        #expect(history[1].note.contains("我明天休假") && history[1].operatorName == "李娜")
        #expect(history[3].note == "退还多收的材料费" && history[3].operatorName == "周建华")
    }
}
