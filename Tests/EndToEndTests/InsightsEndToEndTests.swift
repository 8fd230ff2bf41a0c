import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// A car comes back within its repair's quality-warranty window: reception is warned at check-in, the
/// comeback is listed on F8, the lead confirms it and the technician's first-time-fix rate drops.
@Suite(.serialized) struct InsightsEndToEndTests {
    private struct Setup {
        var fragment: String
        var km: Int
        var earlierNumber: String
        var technician: String
        var candidateIndex: Int
    }

    /// A demo car with nothing open, given a brakes repair (minor repair, 10-day window) delivered two days ago.
    private func prepare(_ session: TmuxSession) throws -> Setup {
        let db = try AppDatabase.open(path: session.dbPath)
        let now = Date()
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let technician = try #require(try db.technicians().first)
        for hit in try db.search("粤A", limit: 80) {
            for v in hit.vehicles where v.plate.hasPrefix("粤A") && v.plate.count == 7 {
                let fragment = String(v.plate.dropFirst()).lowercased()
                let found = try db.search(fragment, limit: 5)
                guard found.count == 1, found[0].vehicles.first?.id == v.id,
                      let card = try db.customerCard(customerID: hit.customerID),
                      !card.lastVisits.contains(where: { $0.vehicleID == v.id && $0.stage.isOpen }),
                      let vehicle = card.vehicles.first(where: { $0.id == v.id }) else { continue }
                let km = try db.mileageReadings(vehicleID: v.id).first?.km ?? 0
                guard km < 80_000 else { continue }
                let delivered = now.addingTimeInterval(-2 * 86_400)
                let opened = delivered.addingTimeInterval(-4 * 3600)
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                let c = calendar.dateComponents([.year, .month, .day], from: opened)
                let number = String(format: "RO-%04d%02d%02d-0901", c.year!, c.month!, c.day!)
                var ro = RepairOrder(number: number, customerID: hit.customerID, vehicleID: vehicle.id!, advisorID: nil,
                                     serviceType: .repair, repairClass: .minorRepair, stage: .delivered, openedAt: opened,
                                     promisedAt: delivered, closedAt: delivered, mileageIn: km + 100,
                                     contactPhone: card.customer.phones.first ?? "13800000000")
                ro.finalLabour = .yuan(200)
                _ = try db.bulkLoadRepairOrders([BulkRepairOrder(
                    order: ro, concerns: [Concern(repairOrderID: 0, text: "刹车异响", category: .brakes)],
                    jobs: [Job(repairOrderID: 0, description: "更换前刹车片", technicianID: technician.id, status: .done)])],
                    operator: Operator(staffID: nil, name: "e2e"), now: opened)
                let waiting = try db.comebackListings(now: now, timeZone: zone).filter { $0.comeback.status == .candidate }.count
                return Setup(fragment: fragment, km: km + 600, earlierNumber: number, technician: technician.name,
                             candidateIndex: waiting)
            }
        }
        throw E2EError("no suitable demo car")
    }

    @Test func aComebackIsWarnedAtCheckInConfirmedByTheLeadAndLowersFTFR() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let setup = try prepare(session)
        try session.startShell()
        try session.startConsole(arguments: "--lang zh-Hans")
        try session.waitFor("查找：")
        try session.sendKeys("F3")
        try session.waitFor("接车：")
        try session.sendLiteral(setup.fragment)
        try session.sendKeys("Enter")
        try session.waitFor("可能返修：\(setup.earlierNumber)")
        try session.sendLiteral(String(setup.km))
        try session.sendKeys("Tab")
        try session.sendLiteral("刹车还是响")
        try session.sendKeys("Tab")
        try session.sendLiteral("200")
        try session.sendKeys("Tab")
        try session.sendLiteral("0")
        try session.sendKeys("C-s")
        try session.waitFor("已保存")

        try session.sendKeys("F8")
        try session.waitFor(setup.earlierNumber)
        for _ in 0..<setup.candidateIndex { try session.sendKeys("Down") }
        let before = try session.waitFor("\(setup.technician) 一次修复率 100.0%")
        #expect(before.contains("接车预警"))
        try session.sendKeys("Enter")
        try session.waitFor("返修原因")
        try session.sendKeys("Enter")
        try session.waitFor("责任技师")
        try session.sendKeys("Enter")
        try session.waitFor("已确认返修")
        let after = try session.waitUntil(description: "the technician's FTFR below 100 %") { screen in
            screen.contains("\(setup.technician) 一次修复率") && !screen.contains("\(setup.technician) 一次修复率 100.0%")
        }
        #expect(after.contains("误诊"))
        try session.sendKeys("C-q")
    }
}
