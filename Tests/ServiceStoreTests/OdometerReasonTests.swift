import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

/// A check-in below the car's last reading is accepted only with its reason, stored and audited.
@Suite struct OdometerReasonTests {
    @Test func aCheckInBelowTheLastReadingNeedsItsReasonAndKeepsIt() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345")
        try db.recordMileage(vehicleID: car.id!, km: 20_000, at: Fixture.morning, source: .manual, operator: Fixture.reception)
        let ro = Fixture.repairOrder(customer: owner, vehicle: car, openedAt: Fixture.morning.addingTimeInterval(3600), mileage: 1_200)

        #expect(throws: ValidationError.self) {
            try db.createRepairOrder(ro, concerns: [], jobs: [], operator: Fixture.reception, now: ro.openedAt,
                                     timeZone: Fixture.shanghai)
        }
        #expect(try db.mileageReadings(vehicleID: car.id!).map(\.km) == [20_000])

        let saved = try db.createRepairOrder(ro, concerns: [], jobs: [], odometerReason: "更换仪表总成",
                                             operator: Fixture.reception, now: ro.openedAt, timeZone: Fixture.shanghai)
        let readings = try db.mileageReadings(vehicleID: car.id!)
        #expect(readings.map(\.km) == [1_200, 20_000])
        #expect(readings[0].source == .odometerReplaced && readings[0].reason == "更换仪表总成")
        let audit = try #require(try db.auditEntries(entity: RepairOrder.table, entityID: saved.id!).first)
        #expect(audit.detail.contains("\"odometer_reason\":\"更换仪表总成\""))
        #expect(audit.detail.contains("\"last_km\":20000"))
    }

    @Test func aReasonGivenForARisingReadingIsNotStored() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345")
        try db.recordMileage(vehicleID: car.id!, km: 20_000, at: Fixture.morning, source: .manual, operator: Fixture.reception)
        let ro = Fixture.repairOrder(customer: owner, vehicle: car, openedAt: Fixture.morning.addingTimeInterval(3600), mileage: 21_000)
        let saved = try db.createRepairOrder(ro, concerns: [], jobs: [], odometerReason: "多余的说明",
                                             operator: Fixture.reception, now: ro.openedAt, timeZone: Fixture.shanghai)
        let reading = try #require(try db.mileageReadings(vehicleID: car.id!).first)
        #expect(reading.source == .checkIn && reading.reason.isEmpty)
        #expect(try db.auditEntries(entity: RepairOrder.table, entityID: saved.id!).first?.detail.contains("odometer_reason") == false)
    }
}
