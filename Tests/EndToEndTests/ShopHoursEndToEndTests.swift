import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// The shop's hours in the real binary: a follow-up call that would fall before 09:00 is queued at 09:00,
/// the customer's window moves it again, and a no-show is asked for and undone.
@Suite(.serialized) struct ShopHoursEndToEndTests {
    /// A fixed-offset zone (`Etc/GMT-7` is UTC+7) where the wall clock reads `hour` now, so the test does not
    /// depend on when it runs.
    private func zone(whereItIsNow hour: Int) -> TimeZone {
        let utcHour = ShopCalendar.calendar(.gmt).component(.hour, from: Date())
        var offset = (hour - utcHour + 48) % 24
        if offset > 14 { offset -= 24 }
        let id = offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-\(offset)" : "Etc/GMT+\(-offset)"
        return TimeZone(identifier: id)!
    }

    /// A shop in `zone` whose manager-advisor is the OS login, with 王芳's car ready for pickup.
    private func shop(_ path: String, zone: TimeZone) throws -> (RepairOrder, Operator, RowID, RowID) {
        let db = try AppDatabase.open(path: path, timeZone: zone)
        defer { try? db.close() }
        let start = Date().addingTimeInterval(-3 * 3600)
        let setup = Operator(staffID: nil, name: "setup")
        try db.setSetting(key: "shop.timezone", value: zone.identifier, operator: setup, now: start)
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
            operator: op, now: start, timeZone: zone)
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
        return (ro, op, owner.id!, car.id!)
    }

    @Test func aDeliveryAtSevenIsCalledBackAtNineThenInTheCustomersAfternoon() throws {
        let zone = zone(whereItIsNow: 7)
        let session = try TmuxSession()
        let (ro, _, _, _) = try shop(session.dbPath, zone: zone)
        try session.startShell()
        try session.startConsole(arguments: "--lang en --panel delivery")
        try session.waitFor("Delivery checklist · \(ro.number)")
        try session.sendKeys("Enter")
        for _ in 0..<8 { try session.sendKeys("Down", "Enter") }
        try session.waitUntil(description: "all items ticked") { !$0.contains("[ ]") }
        try session.sendKeys("d")
        // Delivered at 07:xx: 24 hours later is before the shop calls anyone, so the call is at 09:00.
        let calendar = ShopCalendar.calendar(zone)
        let tomorrow = calendar.dateComponents([.month, .day], from: Date().addingTimeInterval(86_400))
        let day = String(format: "%02d-%02d", tomorrow.month!, tomorrow.day!)
        try session.waitFor("follow-up call scheduled for \(day) 09:00")

        try session.sendKeys("F7")
        try session.waitUntil(description: "the queue shows the call at 09:00") { screen in
            screen.split(separator: "\n").contains { $0.contains("13812345678") && $0.contains("\(day) 09:00") }
        }
        // The customer takes calls in the afternoon: picked from the list, the call moves to 14:00.
        try session.sendKeys("p")
        try session.waitFor("When does the customer take calls?")
        try session.sendKeys("Down", "Down", "Down", "Enter")
        try session.waitFor("王芳: afternoon (14:00–18:00); 1 call moved into it (\(day) 14:00)")
        try session.waitUntil(description: "the queue shows the call at 14:00") { screen in
            screen.split(separator: "\n").contains { $0.contains("13812345678") && $0.contains("\(day) 14:00") && $0.contains("afternoon") }
        }
        try session.sendKeys("C-q")
        try session.waitFor("$ ")

        let db = try AppDatabase.open(path: session.dbPath, timeZone: zone)
        defer { try? db.close() }
        let callback = try #require(try db.callbacks(statusIn: [.open]).first { $0.repairOrderID == ro.id })
        let due = calendar.dateComponents([.hour, .minute], from: callback.dueAt)
        #expect(due.hour == 14 && due.minute == 0)
    }

    @Test func aNoShowIsAskedForThenUndone() throws {
        // 15:xx in the shop: the 10:00 appointment's slot has begun.
        let zone = zone(whereItIsNow: 15)
        let session = try TmuxSession()
        let (_, op, customerID, carID) = try shop(session.dbPath, zone: zone)
        let appointmentID: RowID
        do {
            let db = try AppDatabase.open(path: session.dbPath, timeZone: zone)
            defer { try? db.close() }
            let ten = ShopCalendar.startOfDay(Date(), zone).addingTimeInterval(10 * 3600)
            appointmentID = try db.bookAppointment(
                Appointment(customerID: customerID, vehicleID: carID, slotStart: ten, serviceType: .maintenance, concerns: "保养"),
                operator: op, now: ten.addingTimeInterval(-86_400), timeZone: zone).id!
        }
        try session.startShell()
        try session.startConsole(arguments: "--lang en --panel appointments")
        try session.waitFor("粤A·12345")
        // 08:30, 09:00, 09:30, 10:00, then the appointment under it.
        for _ in 0..<20 { try session.sendKeys("Up") }
        try session.sendKeys("Down", "Down", "Down", "Down")
        try session.sendKeys("n")
        try session.waitFor("Mark 王芳 粤A·12345 (10:00) as a no-show?")
        try session.sendKeys("n")   // no: nothing is marked
        try session.waitUntil(description: "the question closed") { !$0.contains("as a no-show?") }
        try session.sendKeys("n")
        try session.waitFor("as a no-show?")
        try session.sendKeys("y")
        try session.waitFor("Appointment marked no-show")
        try session.waitFor("(1/1)")
        // The customer turns up after all: undo it.
        try session.sendKeys("n")
        try session.waitFor("Undo the no-show of 王芳 粤A·12345 (10:00)?")
        try session.sendKeys("y")
        try session.waitFor("No-show undone; the appointment is booked again")
        try session.waitFor("(0/0)")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")

        let db = try AppDatabase.open(path: session.dbPath, timeZone: zone)
        defer { try? db.close() }
        let stored = try #require(try db.appointments(from: ShopCalendar.startOfDay(Date(), zone),
                                                      to: ShopCalendar.addDays(1, to: ShopCalendar.startOfDay(Date(), zone), zone))
            .first { $0.id == appointmentID })
        #expect(stored.status == .booked)
        #expect(try db.auditEntries(entity: "appointment", entityID: appointmentID).contains { $0.action == "noShowUndone" })
    }
}
