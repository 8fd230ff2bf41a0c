import Foundation
import ServiceDomain
import ServiceStore
import ShopFixtures
import Testing

@Suite struct DemoShopTests {
    private func temporaryDatabase() throws -> (AppDatabase, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try AppDatabase.open(path: dir.appendingPathComponent("shop.db").path), dir)
    }

    private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
    private let zone = TimeZone(identifier: "Asia/Shanghai")!

    @Test func theDemoShopIsCompleteHealthyAndValid() throws {
        let (db, dir) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try DemoShop.populate(db, now: now, timeZone: zone, operatorLogin: "tester")
        #expect(summary.customers == 300)
        #expect(summary.vehicles >= 300)
        #expect(summary.openRepairOrders >= 10)
        #expect(summary.appointments > 0)
        #expect(summary.callbacksOpen > 0)
        #expect(try db.check().isHealthy)

        // Every car in the shop is at a stage, and all the working stages are represented.
        let open = try db.repairOrders(stageIn: Set(ROStage.allCases.filter(\.isOpen)))
        #expect(open.count == summary.openRepairOrders)
        let stages = Set(open.map(\.stage))
        for stage in [ROStage.checkedIn, .dispatched, .inProgress, .waitingParts, .qualityCheck, .readyForPickup, .onHold] {
            #expect(stages.contains(stage), "no car at \(stage)")
        }

        // Callbacks both due later and already overdue.
        let callbacks = try db.callbacks(statusIn: [.open])
        #expect(callbacks.contains { $0.dueAt < now })

        // Everything stored passes the project's own validators again.
        for ro in open {
            let customer = try #require(try db.customer(id: ro.customerID))
            #expect(try CustomerRules.validated(customer) == customer)
            let vehicle = try #require(try db.vehicle(id: ro.vehicleID))
            #expect(try VehicleRules.validated(vehicle) == vehicle)
            if let vin = vehicle.vin { #expect(try VIN.validate(vin) == vin) }
        }

        // The operator who made the demo can run it.
        #expect(try db.staff(login: "tester") != nil)
    }

    @Test func theSameSeedGivesTheSameShop() throws {
        let (a, dirA) = try temporaryDatabase()
        let (b, dirB) = try temporaryDatabase()
        defer {
            try? FileManager.default.removeItem(at: dirA)
            try? FileManager.default.removeItem(at: dirB)
        }
        #expect(try DemoShop.populate(a, now: now, timeZone: zone, seed: 7, operatorLogin: "x")
            == DemoShop.populate(b, now: now, timeZone: zone, seed: 7, operatorLogin: "x"))
        #expect(try a.search("粤A", limit: 20).map(\.name) == b.search("粤A", limit: 20).map(\.name))
    }

    @Test func aLikelyComebackIsWaitingAtCheckIn() throws {
        let (db, dir) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: dir) }
        try DemoShop.populate(db, now: now, timeZone: zone, operatorLogin: "tester")
        let checkedIn = try db.repairOrders(stageIn: [.checkedIn])
        let brakes = checkedIn.filter { ro in (try? db.concerns(repairOrderID: ro.id!))?.contains { $0.category == .brakes } == true }
        let repeatVisit = try #require(brakes.first { ro in
            let card = try? db.customerCard(customerID: ro.customerID)
            return card?.lastVisits.contains { $0.vehicleID == ro.vehicleID && $0.stage == .delivered
                && ($0.closedAt ?? .distantPast) > now.addingTimeInterval(-10 * 86_400) } == true
        })
        #expect(repeatVisit.stage == .checkedIn)
    }
}
