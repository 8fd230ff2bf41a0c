import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// The check-in form's keys in the real binary: a refused Tab keeps what is typed next in the phone
/// (letters are refused at the key), and typing into a prefilled field replaces the suggestion.
@Suite(.serialized) struct DeskFormEndToEndTests {
    @Test func aRefusedPhoneKeepsTheNextTypingAndAPrefilledPlateIsReplacedByTyping() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let db = try AppDatabase.open(path: session.dbPath)
        var searched = "粤AZ8K21"
        var plate = "粤AZ8K22"
        var n = 0
        while try db.vehicle(plate: searched) != nil || db.vehicle(plate: plate) != nil {
            n += 1
            searched = "粤AZ8K\(40 + 2 * n)"
            plate = "粤AZ8K\(41 + 2 * n)"
        }
        var phone = "13700004444"
        while try !db.duplicates(phone: phone, plate: "", vin: "").isEmpty { phone = String(Int(phone)! + 1) }

        try session.startShell()
        try session.startConsole(arguments: "--lang zh-Hans")
        try session.waitFor("查找：")
        try session.sendKeys("F3")
        try session.waitFor("接车：")
        try session.sendLiteral(searched)
        try session.waitFor("没有匹配的车辆")
        try session.sendKeys("C-n")
        try session.waitFor("新客户接车")
        try session.sendLiteral("诸葛晓明")
        try session.sendKeys("Tab")
        // One digit short: Tab is refused and the focus stays on the phone.
        try session.sendLiteral(String(phone.dropLast()))
        try session.sendKeys("Tab")
        try session.waitFor("11 位")
        // The clerk, not looking, types the plate: the letters are refused where they are typed…
        try session.sendLiteral("粤A")
        let refused = try session.waitFor("只能填数字")
        #expect(refused.contains(String(phone.dropLast())))
        #expect(!refused.contains(String(phone.dropLast()) + "粤"))
        // …and the missing digit lands in the phone, where the cursor is.
        try session.sendLiteral(String(phone.last!))
        try session.waitFor(phone)
        try session.sendKeys("Tab")   // phone → plate, prefilled from the search and highlighted
        try session.waitUntil(description: "the refusal cleared") { !$0.contains("只能填数字") }
        try session.sendLiteral(plate)   // replaces the suggestion, not appended to it
        let typed = try session.waitFor(plate)
        #expect(!typed.contains(searched + "粤"))
        try session.sendKeys("Tab")   // → VIN (optional)
        try session.sendKeys("Tab")   // → model
        try session.sendLiteral("朗逸")
        try session.sendKeys("Tab")
        try session.sendLiteral("12000")
        try session.sendKeys("Tab")
        try session.sendLiteral("首保")
        try session.sendKeys("C-s")
        let saved = try session.waitFor("已保存")
        guard let range = saved.range(of: #"RO-\d{8}-\d{4}"#, options: .regularExpression) else {
            throw E2EError("no RO number on screen:\n\(saved)")
        }

        let ro = try #require(try db.repairOrder(number: String(saved[range])))
        let customer = try #require(try db.customer(id: ro.customerID))
        #expect(customer.name == "诸葛晓明" && customer.phones == [phone])
        let vehicle = try #require(try db.vehicle(id: ro.vehicleID))
        #expect(vehicle.plate == plate)
        #expect(try db.vehicle(plate: searched) == nil)
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }

    @Test func aMileageBelowTheLastReadingIsSavedWithItsReason() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let db = try AppDatabase.open(path: session.dbPath)
        // A demo car with a reading on file that one search fragment finds alone.
        var found: (fragment: String, vehicleID: RowID, lastKm: Int)?
        search: for hit in try db.search("粤A", limit: 80) {
            for v in hit.vehicles where v.plate.hasPrefix("粤A") && v.plate.count == 7 {
                let fragment = String(v.plate.dropFirst()).lowercased()
                guard let km = try db.mileageReadings(vehicleID: v.id).first?.km, km > 1_000,
                      try db.search(fragment, limit: 5).count == 1 else { continue }
                found = (fragment, v.id, km)
                break search
            }
        }
        let car = try #require(found)
        let lowKm = String(car.lastKm / 2)

        try session.startShell()
        try session.startConsole(arguments: "--lang zh-Hans")
        try session.waitFor("查找：")
        try session.sendKeys("F3")
        try session.waitFor("接车：")
        try session.sendLiteral(car.fragment)
        try session.waitFor("1 条结果")
        try session.sendKeys("Enter")
        try session.waitFor("接车登记")
        try session.sendLiteral(lowKm)
        try session.sendKeys("Tab")
        try session.waitFor("里程低于上次记录")   // the reason is asked for in its own field
        try session.waitFor("里程原因")
        try session.sendLiteral("更换仪表总成")
        try session.sendKeys("Tab")
        try session.sendLiteral("仪表不亮")
        try session.sendKeys("C-s")
        let saved = try session.waitFor("已保存")
        guard let range = saved.range(of: #"RO-\d{8}-\d{4}"#, options: .regularExpression) else {
            throw E2EError("no RO number on screen:\n\(saved)")
        }
        let ro = try #require(try db.repairOrder(number: String(saved[range])))
        #expect(ro.mileageIn == Int(lowKm))
        let reading = try #require(try db.mileageReadings(vehicleID: car.vehicleID).first)
        #expect(reading.km == Int(lowKm) && reading.source == .odometerReplaced && reading.reason == "更换仪表总成")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }
}
