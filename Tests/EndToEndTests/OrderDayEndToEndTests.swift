import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// One whole day of an order in the real binary: checked in at the desk with an estimate, dispatched, QC
/// failed, reworked, QC passed by the inspector picked, delivered with the estimate as its total, and the
/// follow-up call scheduled. What is stored and printed is read back from the file.
@Suite(.serialized) struct OrderDayEndToEndTests {
    /// The operator is the OS login running the console (picked the way the other end-to-end tests pick it),
    /// an advisor and manager; two technicians, one of them the workshop lead.
    private func shop(_ path: String) throws -> (me: Staff, lead: Staff) {
        let db = try AppDatabase.open(path: path, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        defer { try? db.close() }
        let now = Date()
        let setup = Operator(staffID: nil, name: "setup")
        let login = OSUsers.current
        let me = try db.saveStaff(Staff(login: login, name: "郑建国", roles: [.manager, .advisor, .admin]),
                                  operator: setup, now: now)
        _ = try db.saveStaff(Staff(login: "liudm", name: "刘德明", roles: [.technician], skillLevel: 5), operator: setup, now: now)
        let lead = try db.saveStaff(Staff(login: "liangzh", name: "梁振华", roles: [.workshopLead, .technician], skillLevel: 4),
                                    operator: setup, now: now)
        let owner = try db.saveCustomer(Customer(name: "王芳", phones: ["13812345678"]), operator: setup, now: now)
        _ = try db.saveVehicle(Vehicle(ownerID: owner.id!, vin: nil, plate: "粤A12345", model: "迈腾"),
                               operator: setup, now: now)
        return (me, lead)
    }

    @Test func aWholeDayFromEstimateToCallback() throws {
        let session = try TmuxSession()
        let (me, lead) = try shop(session.dbPath)
        try session.startShell()
        try session.startConsole(arguments: "--lang en")
        try session.waitFor("Find: ")

        // Check-in with an estimate: ¥380 labour, ¥120 parts.
        try session.sendKeys("F3")
        try session.waitFor("Check in: ")
        try session.sendLiteral("a12345")
        try session.waitFor("粤A·12345")
        try session.sendKeys("Enter")
        try session.waitFor("Mileage")
        try session.sendLiteral("21000")
        try session.sendKeys("Tab")
        try session.sendLiteral("刹车异响")
        try session.sendKeys("Tab")
        try session.sendLiteral("380")
        try session.sendKeys("Tab")
        try session.sendLiteral("120")
        try session.sendKeys("C-s")
        let saved = try session.waitFor(" saved")
        guard let range = saved.range(of: #"RO-\d{8}-\d{4}"#, options: .regularExpression) else {
            throw E2EError("no RO number on screen:\n\(saved)")
        }
        let number = String(saved[range])

        // Dispatch: the picker shows each technician's open jobs.
        try session.sendKeys("F5")
        try session.waitFor(number)
        try session.sendKeys("t")
        try session.waitFor("Assign which technician?")
        try session.waitFor("0 open jobs")
        try session.sendKeys("Enter")
        try session.waitFor("is now dispatched")
        try session.sendKeys("m", "Enter")
        try session.waitFor("is now in progress")
        try session.sendKeys("m", "Down", "Enter")
        try session.waitFor("is now quality check")

        // QC fails, signed by the lead (picked, not the operator).
        try session.sendKeys("c")
        try session.waitFor("QC result")
        try session.sendKeys("Down", "Enter")
        try session.waitFor("Why QC failed")
        try session.sendLiteral("刹车仍有异响")
        try session.sendKeys("Enter")
        try session.waitFor("Who inspected?")
        try session.sendKeys("Up", "Enter")
        try session.waitFor("QC failure recorded")
        // A minor repair with a failed QC cannot go to ready for pickup.
        try session.sendKeys("m", "Down", "Down")
        try session.waitFor("Ready for pickup")
        try session.sendKeys("Enter")
        try session.waitFor("QC failed: rework it and pass a later QC before ready for pickup")

        // Rework, QC again, passed.
        try session.sendKeys("m", "Enter")
        try session.waitFor("is now in progress")
        try session.sendKeys("m", "Down", "Enter")
        try session.waitFor("is now quality check")
        try session.sendKeys("c", "Enter")
        try session.waitFor("Who inspected?")
        try session.sendKeys("Up", "Enter")
        try session.waitFor("QC passed, inspector 梁振华")
        try session.sendKeys("m", "Down", "Down")
        try session.waitFor("Ready for pickup")
        try session.sendKeys("Enter")
        try session.waitFor("is now ready for pickup")

        // Delivery: the final amount is the estimate's line, so no "amount differs" approval is needed.
        try session.sendKeys("F6")
        try session.waitFor("Delivery checklist · \(number)")
        try session.waitFor("Final ¥500.00")
        try session.sendKeys("Enter")
        for _ in 0..<8 { try session.sendKeys("Down", "Enter") }
        try session.waitUntil(description: "all items ticked") { !$0.contains("[ ]") }
        try session.sendKeys("d")
        // The summary is written on delivery, without a key for it (the status line names the file).
        try session.waitFor("delivered; follow-up call scheduled for")
        try session.waitFor("Delivery summary")
        try session.waitFor("summary: ")
        #expect(FileManager.default.fileExists(atPath: session.workDir.appendingPathComponent("deliveries/\(number).txt").path))
        try session.sendKeys("Escape")
        try session.waitFor("No orders ready for pickup")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")

        let db = try AppDatabase.open(path: session.dbPath)
        defer { try? db.close() }
        let ro = try #require(try db.repairOrder(number: number))
        #expect(ro.stage == .delivered)
        #expect(ro.advisorID == me.id)
        #expect(ro.finalLabour == .yuan(380) && ro.finalParts == .yuan(120))
        let lines = try db.jobs(repairOrderID: ro.id!)
        #expect(lines.map(\.description) == ["刹车异响"])
        #expect(lines.map(\.total) == [.yuan(500)] && lines.map(\.status) == [.done])
        #expect(try db.stageChanges(repairOrderID: ro.id!).map(\.to) == [
            .checkedIn, .dispatched, .inProgress, .qualityCheck, .inProgress, .qualityCheck, .readyForPickup, .delivered,
        ])
        let checks = try #require(try db.repairOrderDetail(roID: ro.id!)).checks
        #expect(checks.map(\.passed) == [false, true])
        #expect(checks.allSatisfy { $0.inspectorID == lead.id && $0.inspectorName == "梁振华" })

        // The callback row: open, after delivery, the configured 24 h after the delivery moved into the calling
        // hours (09:00-20:00 in the console's zone, Asia/Shanghai) when that falls outside them.
        let callback = try #require(try db.callbacks(statusIn: [.open]).first { $0.repairOrderID == ro.id })
        let closed = try #require(ro.closedAt)
        #expect(callback.kind == .afterDelivery)
        let dayLater = closed.addingTimeInterval(24 * 3600)
        let expectedDue = CallScheduling.nextCallTime(atOrAfter: dayLater, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(abs(callback.dueAt.timeIntervalSince(expectedDue)) < 1)
        #expect(callback.dueAt.timeIntervalSince(dayLater) > -1)

        // The summary file says what the customer paid and when they will be called.
        let file = session.workDir.appendingPathComponent("deliveries/\(number).txt")
        let summary = try String(contentsOf: file, encoding: .utf8)
        #expect(summary.contains("合计 Total:    ¥500.00"))
        #expect(summary.contains("顾问 Advisor: 郑建国"))
        #expect(summary.contains("质检 QC: 合格 passed, 质检员 inspector 梁振华"))
        let stamp = DateFormatter()
        stamp.locale = Locale(identifier: "en_US_POSIX")
        stamp.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        stamp.dateFormat = "yyyy-MM-dd HH:mm"
        #expect(summary.contains("回访 Follow-up call: \(stamp.string(from: callback.dueAt))"))
    }
}
