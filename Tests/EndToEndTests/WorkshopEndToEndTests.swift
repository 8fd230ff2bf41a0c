import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// The workshop day in the real binary: dispatch, parts wait, QC, ready, the delivery checklist, delivered,
/// callback scheduled; and a second terminal seeing a move within two seconds.
@Suite(.serialized) struct WorkshopEndToEndTests {
    /// A small shop whose manager is the OS login running the console, one technician, and one car checked
    /// in (level-2 maintenance, so QC is mandatory). Check-in itself is written through the store, the way
    /// the reception panel saves it.
    private func smallShop(_ path: String) throws -> RepairOrder {
        let db = try AppDatabase.open(path: path, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        defer { try? db.close() }
        let now = Date()
        let setup = Operator(staffID: nil, name: "setup")
        let login = OSUsers.current
        let me = try db.saveStaff(Staff(login: login, name: "郑建国", roles: [.manager, .advisor, .admin]),
                                  operator: setup, now: now)
        _ = try db.saveStaff(Staff(login: "liudm", name: "刘德明", roles: [.technician], skillLevel: 5), operator: setup, now: now)
        let owner = try db.saveCustomer(Customer(name: "王芳", phones: ["13812345678"]), operator: setup, now: now)
        let car = try db.saveVehicle(Vehicle(ownerID: owner.id!, vin: nil, plate: "粤A12345", model: "迈腾"),
                                     operator: setup, now: now)
        let ro = RepairOrder(number: "", customerID: owner.id!, vehicleID: car.id!, advisorID: me.id,
                             serviceType: .maintenance, repairClass: .level2Maintenance, openedAt: now,
                             promisedAt: now.addingTimeInterval(4 * 3600), mileageIn: 20_000, isWaiter: true,
                             contactPhone: "13812345678", estimateLabour: .yuan(300), estimateParts: .yuan(200))
        return try db.createRepairOrder(
            ro, concerns: [Concern(repairOrderID: 0, text: "两万公里保养", category: .maintenance)],
            jobs: [Job(repairOrderID: 0, description: "二级维护", labour: .yuan(300), parts: .yuan(200))],
            operator: Operator(staffID: me.id, name: me.name), now: now, timeZone: .current)
    }

    @Test func aFullWorkshopDay() throws {
        let session = try TmuxSession()
        let ro = try smallShop(session.dbPath)
        try session.startShell()
        try session.startConsole(arguments: "--lang en")
        try session.waitFor("Find: ")
        try session.sendKeys("F5")
        try session.waitFor(ro.number)
        #expect(try session.capture().contains("138****5678"))

        try session.sendKeys("t")
        try session.waitFor("Assign which technician?")
        try session.sendKeys("Enter")
        try session.waitFor("is now dispatched")
        try session.sendKeys("m")
        try session.waitFor("Move to which stage?")
        try session.sendKeys("Enter")
        try session.waitFor("is now in progress")
        try session.sendKeys("m")
        try session.waitFor("Waiting for parts")
        try session.sendKeys("Enter")
        try session.waitFor("is now waiting for parts")
        try session.sendKeys("m", "Enter")
        try session.waitFor("is now in progress")
        try session.sendKeys("m", "Down", "Enter")
        try session.waitFor("is now quality check")
        // Level-2 maintenance: no way past QC until it is passed, and the refusal says why.
        try session.sendKeys("m", "Down", "Down")
        try session.waitFor("Ready for pickup")
        try session.sendKeys("Enter")
        try session.waitFor("QC required before ready for pickup: level-2 maintenance")
        try session.sendKeys("c")
        try session.waitFor("QC result")
        try session.sendKeys("Enter")
        // The inspector is picked; the operator (a manager, who did not do the work) is offered first.
        try session.waitFor("Who inspected?")
        try session.sendKeys("Enter")
        try session.waitFor("QC passed, inspector 郑建国")
        try session.sendKeys("m", "Down", "Down")
        try session.waitFor("Ready for pickup")
        try session.sendKeys("Enter")
        try session.waitFor("is now ready for pickup")

        // Delivery: the checklist must be complete first.
        try session.sendKeys("F6")
        try session.waitFor("Delivery checklist · \(ro.number)")
        try session.sendKeys("Enter", "d")
        try session.waitFor("Delivery checklist not complete")
        for _ in 0..<8 { try session.sendKeys("Down", "Enter") }
        try session.waitUntil(description: "all items ticked") { !$0.contains("[ ]") }
        try session.sendKeys("d")
        try session.waitFor("delivered; follow-up call scheduled for")
        try session.waitFor("Delivery summary")
        try session.sendKeys("s")
        try session.waitFor("Summary saved:")
        try session.sendKeys("Escape")
        try session.waitFor("No orders ready for pickup")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")

        let db = try AppDatabase.open(path: session.dbPath)
        let done = try #require(try db.repairOrder(id: ro.id!))
        #expect(done.stage == .delivered)
        #expect(try db.stageChanges(repairOrderID: ro.id!).map(\.to) == [
            .checkedIn, .dispatched, .inProgress, .waitingParts, .inProgress, .qualityCheck, .readyForPickup, .delivered,
        ])
        let callback = try #require(try db.callbacks(statusIn: [.open]).first { $0.repairOrderID == ro.id })
        let closed = try #require(done.closedAt)
        // 24 hours later, moved into the calling hours (the console runs in Asia/Shanghai).
        let due = CallScheduling.nextCallTime(atOrAfter: closed.addingTimeInterval(24 * 3600),
                                              timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(abs(callback.dueAt.timeIntervalSince(due)) < 1)
        #expect(try db.deliveryChecks(roID: ro.id!).count == 9)
        let summary = session.workDir.appendingPathComponent("deliveries/\(ro.number).txt")
        #expect(try String(contentsOf: summary, encoding: .utf8).contains("二级维护"))
        try db.close()
    }

    @Test func aMoveOnOneTerminalShowsOnTheOtherWithinTwoSeconds() throws {
        let first = try TmuxSession()
        let ro = try smallShop(first.dbPath)
        let second = try TmuxSession()
        try first.startShell()
        try second.startShell()
        try first.startConsole(arguments: "--lang en")
        try second.startConsole(arguments: "--lang en --db '\(first.dbPath)'")
        for session in [first, second] {
            try session.waitFor("Find: ")
            try session.sendKeys("F5")
            try session.waitFor(ro.number)
        }
        #expect(try second.capture().contains("Checked in"))
        try first.sendKeys("t", "Enter")
        try first.waitFor("is now dispatched")
        try second.waitUntil(timeout: 2, description: "the other terminal's move") { screen in
            screen.split(separator: "\n").contains { $0.contains(ro.number) && $0.contains("Dispatched") }
        }
        for session in [first, second] {
            try session.sendKeys("C-q")
            try session.waitFor("$ ")
        }
    }
}
