import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// The follow-up day in the real binary: a car delivered, its callback due, no answer, then reached with a low
/// score, the complaint handled and closed, and the confirmation call scheduled.
@Suite(.serialized) struct FollowUpEndToEndTests {
    /// A shop whose manager-advisor is the OS login, with one car ready for pickup (moved there through the store).
    private func shopWithACarReady(_ path: String) throws -> RepairOrder {
        let db = try AppDatabase.open(path: path, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        defer { try? db.close() }
        let start = Date().addingTimeInterval(-3 * 3600)
        let setup = Operator(staffID: nil, name: "setup")
        let login = OSUsers.current
        let me = try db.saveStaff(Staff(login: login, name: "郑建国", roles: [.manager, .advisor, .admin]), operator: setup, now: start)
        let tech = try db.saveStaff(Staff(login: "liudm", name: "刘德明", roles: [.technician], skillLevel: 5), operator: setup, now: start)
        let owner = try db.saveCustomer(Customer(name: "王芳", phones: ["13812345678"]), operator: setup, now: start)
        let car = try db.saveVehicle(Vehicle(ownerID: owner.id!, vin: nil, plate: "粤A12345", model: "迈腾"), operator: setup, now: start)
        let op = Operator(staffID: me.id, name: me.name)
        var ro = try db.createRepairOrder(
            RepairOrder(number: "", customerID: owner.id!, vehicleID: car.id!, advisorID: me.id, serviceType: .repair,
                        repairClass: .minorRepair, openedAt: start, promisedAt: start.addingTimeInterval(4 * 3600), mileageIn: 20_000,
                        isWaiter: false, contactPhone: "13812345678", estimateLabour: .yuan(150), estimateParts: .yuan(400)),
            concerns: [Concern(repairOrderID: 0, text: "刹车异响", category: .brakes)],
            jobs: [Job(repairOrderID: 0, description: "更换前刹车片", labour: .yuan(150), parts: .yuan(400))],
            operator: op, now: start, timeZone: .current)
        var t = start
        ro = try db.dispatch(roID: ro.id!, technicianID: tech.id!, version: ro.version, operator: op, now: t)
        for stage in [ROStage.inProgress, .qualityCheck, .washing, .readyForPickup] {
            t = t.addingTimeInterval(1200)
            if stage == .washing {
                _ = try db.recordQualityCheck(roID: ro.id!, passed: true, operator: op, now: t)
                ro = try #require(try db.repairOrder(id: ro.id!))
            }
            ro = try db.recordStageChange(roID: ro.id!, from: ro.stage, to: stage, version: ro.version, operator: op, now: t)
        }
        return ro
    }

    @Test func anUnreachableCustomersLetterIsMarkedSentAndLeavesTheList() throws {
        let session = try TmuxSession()
        let ro = try shopWithACarReady(session.dbPath)
        let callbackID: RowID
        do {
            let db = try AppDatabase.open(path: session.dbPath, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
            defer { try? db.close() }
            let now = Date()
            callbackID = try db.createCallback(Callback(repairOrderID: ro.id!, dueAt: now.addingTimeInterval(-5 * 86_400),
                                                        status: .unreachable, attempts: 3,
                                                        completedAt: now.addingTimeInterval(-3600)),
                                               operator: Operator(staffID: nil, name: "setup"), now: now).id!
        }
        try session.startShell()
        try session.startConsole(arguments: "--lang en --panel followup")
        let screen = try session.waitFor("Unreachable: send a text message or letter (m: mark sent)")
        #expect(screen.contains("王芳"))
        try session.sendKeys("m")
        try session.waitFor("Whose text message or letter went out?")
        try session.waitFor("138****5678")
        try session.sendKeys("Enter")
        try session.waitFor("Recorded: the text message or letter went out")
        try session.waitUntil(description: "the task left the list") { !$0.contains("(m: mark sent)") }
        let db = try AppDatabase.open(path: session.dbPath, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        defer { try? db.close() }
        #expect(try db.callbackRow(id: callbackID)?.callback.messageSentAt != nil)
    }

    @Test func deliverCallNoAnswerThenALowScoreComplaintClosedAndConfirmationScheduled() throws {
        let session = try TmuxSession()
        let ro = try shopWithACarReady(session.dbPath)
        try session.startShell()
        try session.startConsole(arguments: "--lang en")
        try session.waitFor("Find: ")

        // Deliver: the callback is scheduled 24 hours later.
        try session.sendKeys("F6")
        try session.waitFor("Delivery checklist · \(ro.number)")
        try session.sendKeys("Enter")
        for _ in 0..<8 { try session.sendKeys("Down", "Enter") }
        try session.waitUntil(description: "all items ticked") { !$0.contains("[ ]") }
        try session.sendKeys("d")
        try session.waitFor("follow-up call scheduled for")

        // The callback is in the queue, with the full number and what was done.
        try session.sendKeys("F7")
        let queue = try session.waitFor("13812345678")
        #expect(queue.contains("更换前刹车片（刘德明）"))
        #expect(queue.contains("[Callbacks 1]"))

        try session.sendKeys("n")
        try session.waitFor("No answer recorded; try again at")
        try session.waitFor("retry ")

        // Reached: the survey refuses a score of 11, takes 3, and the low score opens a complaint.
        try session.sendKeys("r")
        try session.waitFor("Was the car ready when promised?")
        for answer in ["y", "y", "n"] { try session.sendKeys(answer, "Enter") }
        try session.waitFor("Overall satisfaction (1–10)")
        try session.sendKeys("1", "1", "Enter")
        try session.waitFor("Satisfaction \"11\" is not valid")
        try session.sendKeys("BSpace", "BSpace", "3", "Enter")
        try session.waitFor("Comments")
        try session.sendLiteral("刹车还是响")
        try session.sendKeys("Enter")
        try session.waitFor("Does the customer want to complain?")
        try session.sendKeys("n", "Enter")
        try session.waitFor("a complaint was opened")
        try session.waitFor("Owner 郑建国")

        // Handle it: register, handle, reply, close with the customer's confirmation.
        try session.sendKeys("a", "Enter")
        try session.waitFor("Complaint category")
        try session.sendKeys("Enter")
        try session.waitFor("Register")
        try session.sendKeys("Enter")
        try session.waitFor("Complaint step recorded: registered")
        try session.sendKeys("a", "Enter")
        try session.waitFor("Handle: owner and actions taken")
        try session.sendLiteral("重新更换刹车片并试车")
        try session.sendKeys("Enter")
        try session.waitFor("Complaint step recorded: handling")
        try session.sendKeys("a", "Enter")
        try session.waitFor("Reply to the customer")
        try session.sendLiteral("电话告知已免费返修")
        try session.sendKeys("Enter")
        try session.waitFor("Complaint step recorded: replied")
        try session.sendKeys("a", "Enter")
        try session.waitFor("How is it closed?")
        try session.sendKeys("y")
        try session.waitFor("Complaint closed; confirmation call scheduled by")

        // The confirmation call is in the queue.
        try session.sendKeys("v")
        try session.waitFor("[confirm] 更换前刹车片")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")

        let db = try AppDatabase.open(path: session.dbPath)
        defer { try? db.close() }
        let callbacks = try db.callbacks(statusIn: [.open, .completed]).filter { $0.repairOrderID == ro.id }
        let first = try #require(callbacks.first { $0.kind == .afterDelivery })
        #expect(first.status == .completed && first.satisfaction == 3 && first.attempts == 2)
        #expect(try db.callAttempts(callbackID: first.id!).map(\.outcome) == [.noAnswer, .reached])
        #expect(try db.callbackAnswers(callbackID: first.id!)[SurveyQuestion.problemFixed] == "no")
        let confirmation = try #require(callbacks.first { $0.kind == .complaintConfirmation })
        #expect(confirmation.status == .open)
        let complaint = try #require(try db.complaintRows(now: Date()).first)
        #expect(complaint.complaint.step == .closed)
        #expect(try db.complaintEvents(complaintID: complaint.id).map(\.step) == [.acknowledged, .registered, .handling, .replied, .closed])
    }
}
