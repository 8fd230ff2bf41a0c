import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// The reception desk in the real binary: returning customer within the keyboard budget, an appointment
/// booked, marked arrived and checked in, and a walk-in new customer.
@Suite(.serialized) struct ReceptionEndToEndTests {
    struct DemoCar {
        var plate: String
        /// What the clerk types to find it: the plate without its province, lower case.
        var fragment: String
        var lastKm: Int
    }

    /// A demo car whose plate fragment finds exactly that car, with a five-digit mileage ahead.
    private func demoCar(_ session: TmuxSession) throws -> DemoCar {
        let db = try AppDatabase.open(path: session.dbPath)
        for hit in try db.search("粤A", limit: 80) {
            for v in hit.vehicles where v.plate.hasPrefix("粤A") && v.plate.count == 7 {
                let fragment = String(v.plate.dropFirst()).lowercased()
                let found = try db.search(fragment, limit: 5)
                guard found.count == 1, found[0].vehicles.first?.id == v.id else { continue }
                let km = try db.mileageReadings(vehicleID: v.id).first?.km ?? 0
                guard km < 80_000 else { continue }
                return DemoCar(plate: v.plate, fragment: fragment, lastKm: km)
            }
        }
        throw E2EError("no suitable demo car")
    }

    private func savedNumber(_ screen: String) throws -> String {
        guard let range = screen.range(of: #"RO-\d{8}-\d{4}"#, options: .regularExpression) else {
            throw E2EError("no RO number on screen:\n\(screen)")
        }
        return String(screen[range])
    }

    /// Find (F2) → the plate → the customer card lists the new order.
    private func findOrderFromFind(_ session: TmuxSession, fragment: String, number: String) throws {
        try session.sendKeys("F2")
        try session.waitFor("查找：")
        try session.sendLiteral(fragment)
        try session.waitFor("条结果")
        try session.sendKeys("Enter")
        try session.waitFor("客户卡")
        try session.waitFor(number)
    }

    @Test func aReturningCustomerIsCheckedInWithinTheKeyboardBudget() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let car = try demoCar(session)
        try session.startShell()
        try session.startConsole(arguments: "--lang zh-Hans")
        try session.waitFor("查找：")
        try session.sendKeys("F3")
        try session.waitFor("接车：")

        // The README's sequence: plate fragment, Enter, mileage, Tab, concern, Tab, labour, Tab, parts, Ctrl-S.
        let mileage = String(car.lastKm + 1_200)
        let concern = "异响"
        // Typed one key at a time at a brisk clerk's pace (8 keys a second), so the time is a real one.
        func key(_ name: String) throws { try session.sendKeys(name); Thread.sleep(forTimeInterval: 0.125) }
        func text(_ t: String) throws { for c in t { try session.sendLiteral(String(c)); Thread.sleep(forTimeInterval: 0.125) } }
        let started = Date()
        try text(car.fragment)
        try key("Enter")
        try text(mileage)
        try key("Tab")
        try text(concern)
        try key("Tab")
        try text("380")
        try key("Tab")
        try text("120")
        try key("C-s")
        let screen = try session.waitFor("已保存")
        let wall = Date().timeIntervalSince(started)
        let keystrokes = car.fragment.count + 1 + mileage.count + 1 + concern.count + 1 + 3 + 1 + 3 + 1
        #expect(keystrokes <= 25)

        let number = try savedNumber(screen)
        let db = try AppDatabase.open(path: session.dbPath)
        let ro = try #require(try db.repairOrder(number: number))
        #expect(ro.mileageIn == car.lastKm + 1_200)
        #expect(ro.estimateLabour == Fen(38_000) && ro.estimateParts == Fen(12_000))
        #expect(ro.serviceType == .repair && ro.promisedAt > ro.openedAt)
        let seconds = try #require(ro.checkInSeconds)
        #expect(seconds < 60)
        #expect(Double(seconds) <= wall + 1)
        #expect(try db.concerns(repairOrderID: ro.id!).map(\.text) == [concern])
        let workOrder = URL(fileURLWithPath: session.dbPath).deletingLastPathComponent()
            .appendingPathComponent("work-orders/\(number).txt")
        let text = try String(contentsOf: workOrder, encoding: .utf8)
        #expect(text.contains(number) && text.contains(Plate.display(car.plate)) && text.contains("客户签字"))
        print("reception keyboard budget: \(keystrokes) keystrokes, \(String(format: "%.1f", wall)) s on screen, checkInSeconds=\(seconds)")

        try findOrderFromFind(session, fragment: car.fragment, number: number)
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }

    @Test func anAppointmentIsBookedMarkedArrivedAndCheckedIn() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let car = try demoCar(session)
        try session.startShell()
        try session.startConsole(arguments: "--lang zh-Hans")
        try session.waitFor("查找：")
        try session.sendKeys("F4")
        try session.waitFor("近30天爽约率")

        // Tomorrow, first slot (always in the future).
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let tomorrow = ShopCalendar.addDays(1, to: ShopCalendar.startOfDay(Date(), zone), zone)
        try session.sendKeys("Right")
        try session.waitFor("预约 · " + RONumber.dayKey(tomorrow, timeZone: zone).enumerated()
            .map { ($0.offset == 4 || $0.offset == 6 ? "-" : "") + String($0.element) }.joined())
        try session.sendKeys("Enter")
        try session.waitFor("新预约")
        try session.sendLiteral(car.fragment)
        try session.waitFor(Plate.display(car.plate))
        try session.sendKeys("Enter")
        try session.waitFor("✔")
        try session.sendKeys("Tab")
        try session.sendKeys("Tab")
        try session.sendLiteral("空调不凉")
        try session.sendKeys("C-s")
        let day = try session.waitFor("预约已保存")

        // Walk down from the 08:30 slot to the new booking and mark it arrived.
        let lines = day.split(separator: "\n", omittingEmptySubsequences: false)
        let slotRow = try #require(lines.firstIndex { $0.hasPrefix("│08:30") })
        let bookingRow = try #require(lines.indices.first { $0 > slotRow && lines[$0].contains(Plate.display(car.plate)) })
        for _ in 0..<(bookingRow - slotRow) { try session.sendKeys("Down") }
        try session.sendKeys("a")
        let form = try session.waitFor("接车登记")
        #expect(form.contains("空调不凉"))

        try session.sendLiteral(String(car.lastKm + 500))
        try session.sendKeys("Tab")
        try session.sendKeys("Tab")
        try session.sendLiteral("200")
        try session.sendKeys("C-s")
        let saved = try session.waitFor("已保存")
        let number = try savedNumber(saved)

        let db = try AppDatabase.open(path: session.dbPath)
        let ro = try #require(try db.repairOrder(number: number))
        let appointmentID = try #require(ro.appointmentID)
        let appointment = try #require(try db.appointment(id: appointmentID))
        #expect(appointment.status == .arrived && appointment.concerns == "空调不凉")
        #expect(ro.serviceType == .maintenance)   // the appointment's service type was carried over
        #expect(try db.concerns(repairOrderID: ro.id!).first?.category == .airConditioning)
        #expect(ro.checkInSeconds != nil)

        try findOrderFromFind(session, fragment: car.fragment, number: number)
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }

    @Test func aWalkInNewCustomerIsCheckedInAfterTheDuplicateWarning() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let db = try AppDatabase.open(path: session.dbPath)
        let existingPhone = try #require(try db.search("粤A", limit: 1).first?.phones.first)
        var plate = "粤AZ9K37"
        var n = 0
        while try db.vehicle(plate: plate) != nil { n += 1; plate = "粤AZ9K\(30 + n)" }
        var phone = "13700002222"
        while try !db.duplicates(phone: phone, plate: "", vin: "").isEmpty { phone = String(Int(phone)! + 1) }

        try session.startShell()
        try session.startConsole(arguments: "--lang zh-Hans")
        try session.waitFor("查找：")
        try session.sendKeys("F3")
        try session.waitFor("接车：")
        try session.sendLiteral(plate)
        try session.waitFor("没有匹配的车辆")
        try session.sendKeys("C-n")
        try session.waitFor("新客户接车")
        try session.sendLiteral("欧阳晓东")
        try session.sendKeys("Tab")
        // Someone else's phone: the desk is offered the existing record.
        try session.sendLiteral(existingPhone)
        try session.sendKeys("Tab")
        try session.waitFor("已有档案")
        try session.sendKeys("BTab")
        try session.sendKeys("C-u")
        try session.sendLiteral(phone)
        try session.sendKeys("Tab")   // phone → plate (prefilled from the search)
        try session.sendKeys("Tab")   // → VIN (optional)
        try session.sendKeys("Tab")   // → model
        try session.sendLiteral("朗逸")
        try session.sendKeys("Tab")
        try session.sendLiteral("12000")
        try session.sendKeys("Tab")
        try session.sendLiteral("首保")
        try session.sendKeys("C-s")
        let saved = try session.waitFor("已保存")
        let number = try savedNumber(saved)

        let ro = try #require(try db.repairOrder(number: number))
        let customer = try #require(try db.customer(id: ro.customerID))
        #expect(customer.name == "欧阳晓东" && customer.phones == [phone])
        let vehicle = try #require(try db.vehicle(id: ro.vehicleID))
        #expect(vehicle.plate == plate && vehicle.model == "朗逸" && vehicle.ownerID == customer.id)
        #expect(ro.serviceType == .maintenance && ro.mileageIn == 12_000 && ro.contactPhone == phone)

        try findOrderFromFind(session, fragment: String(plate.dropFirst()).lowercased(), number: number)
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }

    @Test func aNewCustomerIsBookedFromAppointmentsAndFoundInFind() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let db = try AppDatabase.open(path: session.dbPath)
        var plate = "粤AY7M52"
        var n = 0
        while try db.vehicle(plate: plate) != nil { n += 1; plate = "粤AY7M\(60 + n)" }
        var phone = "13600003333"
        while try !db.duplicates(phone: phone, plate: "", vin: "").isEmpty { phone = String(Int(phone)! + 1) }

        try session.startShell()
        try session.startConsole(arguments: "--lang zh-Hans")
        try session.waitFor("查找：")
        try session.sendKeys("F4")
        try session.waitFor("近30天爽约率")
        try session.sendKeys("Right")   // tomorrow: its first slot is always in the future
        try session.sendKeys("Enter")
        try session.waitFor("新预约")
        try session.sendLiteral(plate)
        try session.sendKeys("C-n")
        try session.waitFor("新客户：")
        try session.sendLiteral("司马晓云")
        try session.sendKeys("Tab")
        try session.sendLiteral(phone)
        try session.sendKeys("Tab")   // phone → plate (carried from the search)
        try session.sendKeys("Tab")   // → VIN (optional)
        try session.sendKeys("Tab")   // → model
        try session.sendLiteral("宝来")
        try session.sendKeys("Tab")
        try session.sendKeys("C-s")
        try session.waitFor("已建档并预约")
        try session.waitFor(Plate.display(plate))   // the day reloaded with the new booking

        let found = try db.search(phone, limit: 5)
        #expect(found.count == 1 && found.first?.name == "司马晓云")
        let customerID = try #require(found.first?.customerID)
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let tomorrow = ShopCalendar.addDays(1, to: ShopCalendar.startOfDay(Date(), zone), zone)
        let booked = try db.appointmentListings(from: tomorrow, to: ShopCalendar.addDays(1, to: tomorrow, zone))
            .filter { $0.appointment.customerID == customerID }
        #expect(booked.count == 1 && booked.first?.plate == plate && booked.first?.model == "宝来")

        try session.sendKeys("F2")
        try session.waitFor("查找：")
        try session.sendLiteral(String(plate.dropFirst()).lowercased())
        try session.waitFor("条结果")
        try session.sendKeys("Enter")
        try session.waitFor("客户卡")
        try session.waitFor("司马晓云")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }
}
