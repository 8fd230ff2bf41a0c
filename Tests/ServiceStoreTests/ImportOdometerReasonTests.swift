import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

/// The import's `odometer_reason` column (里程原因): a mileage below the car's last reading is imported as a
/// replaced odometer with that reason; without one the row stays refused, as at check-in.
@Suite struct ImportOdometerReasonTests {
    let folder = TempFolder()
    let db: AppDatabase
    let car: RowID

    init() throws {
        db = try Fixture.open(folder)
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345").id!
        try db.recordMileage(vehicleID: car, km: 45_000, at: Fixture.morning, source: .manual, operator: Fixture.reception)
    }

    func importing(_ text: String) throws -> ImportReport {
        let file = folder.file("km.csv")
        try Data(text.utf8).write(to: file)
        return try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor,
                                                 now: Fixture.morning.addingTimeInterval(3600))
    }

    func problems(_ text: String) throws -> [ImportProblem] {
        do {
            _ = try importing(text)
            Issue.record("the file was accepted")
            return []
        } catch let error as ImportError {
            return error.problems
        }
    }

    @Test func aLowerMileageWithItsReasonIsAReplacedOdometer() throws {
        let report = try importing("姓名,电话,车牌,车型,里程,里程原因\n王芳,13812345678,粤A12345,朗逸,1200,更换仪表总成\n")
        #expect(report.readingsAdded == 1 && report.odometersReplaced == 1)
        let readings = try db.mileageReadings(vehicleID: car)
        #expect(readings.map(\.km) == [1_200, 45_000])
        #expect(readings[0].source == .odometerReplaced && readings[0].reason == "更换仪表总成")
        let audit = try #require(try db.auditEntries(entity: Customer.table, entityID: nil).first { $0.action == "import" })
        #expect(audit.detail.contains("\"odometersReplaced\":1"))
    }

    @Test func withoutAReasonTheLowerMileageIsStillRefusedAndSaysWhereToGiveIt() throws {
        let found = try problems("name,phones,plate,model,mileage,odometer_reason\n王芳,13812345678,粤A12345,朗逸,1200,\n")
        #expect(found.map(\.column) == ["mileage"])
        #expect(found.first?.message.en.contains("odometer_reason column") == true)
        #expect(try db.mileageReadings(vehicleID: car).map(\.km) == [45_000])
    }

    @Test func aReasonForARisingReadingIsNotStored() throws {
        _ = try importing("name,phones,plate,model,mileage,odometer_reason\n王芳,13812345678,粤A12345,朗逸,46000,多余的说明\n")
        let reading = try #require(try db.mileageReadings(vehicleID: car).first)
        #expect(reading.km == 46_000 && reading.source == .imported && reading.reason.isEmpty)
    }

    @Test func aReasonWithoutAMileageIsRefusedInItsColumn() throws {
        let found = try problems("name,phones,plate,model,mileage,odometer_reason\n王芳,13812345678,粤A12345,朗逸,,换表\n")
        #expect(found.map(\.column) == ["odometer_reason"])
        #expect(try db.mileageReadings(vehicleID: car).map(\.km) == [45_000])
    }
}
