import Foundation
import ServiceDomain
@testable import ServiceStore
import Testing

@Suite struct ReceptionStoreTests {
    let folder = TempFolder()
    let db: AppDatabase
    let wang: Customer
    let car: Vehicle
    let li: Customer
    let liCar: Vehicle
    /// 2026-11-22 10:00 in Shanghai, an hour after `Fixture.morning`.
    let ten = Fixture.morning.addingTimeInterval(3600)

    init() throws {
        db = try Fixture.open(folder)
        wang = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        car = try Fixture.vehicle(db, owner: wang, plate: "粤A12345", vin: Fixture.vin("LFVA23C30N3100001"))
        li = try Fixture.customer(db, "李强", phones: ["13900001111"])
        liCar = try Fixture.vehicle(db, owner: li, plate: "粤B8K2F7")
    }

    func booking(_ c: Customer, _ v: Vehicle, at slot: Date, lane: Lane = .regular) -> Appointment {
        Appointment(customerID: c.id!, vehicleID: v.id!, slotStart: slot, lane: lane, serviceType: .maintenance, concerns: "保养")
    }

    @Test func aFullSlotIsRefusedUnlessOverriddenAndTheReasonIsKept() throws {
        try db.setSetting(key: ReceptionSettingKey.regularCapacity, value: "1", operator: Fixture.reception, now: Fixture.morning)
        #expect(try db.shopHours().regularCapacity == 1)
        try db.bookAppointment(booking(wang, car, at: ten), operator: Fixture.reception, now: Fixture.morning,
                               timeZone: Fixture.shanghai)
        let refused = #expect(throws: ValidationError.self) {
            try db.bookAppointment(booking(li, liCar, at: ten), operator: Fixture.reception, now: Fixture.morning,
                                   timeZone: Fixture.shanghai)
        }
        #expect(refused?.field == .reason)
        #expect(refused?.message.en.contains("1/1") == true)
        // The express lane has its own places.
        try db.bookAppointment(booking(li, liCar, at: ten, lane: .express), operator: Fixture.reception, now: Fixture.morning,
                               timeZone: Fixture.shanghai)
        let forced = try db.bookAppointment(booking(li, liCar, at: ten), overrideReason: "车队客户", operator: Fixture.reception,
                                            now: Fixture.morning, timeZone: Fixture.shanghai)
        #expect(forced.capacityOverrideReason == "车队客户")
        let listed = try db.appointmentListings(from: Fixture.morning, to: Fixture.morning.addingTimeInterval(86_400))
        #expect(listed.count == 3)
        #expect(listed.map(\.appointment.lane) == [.express, .regular, .regular])
        let wangs = try #require(listed.first { $0.customerName == "王芳" })
        #expect(wangs.plate == "粤A12345" && wangs.phone == "13812345678" && wangs.model == "凯美瑞")
        let audit = try db.auditEntries(entity: "appointment", entityID: forced.id)
        #expect(!audit.isEmpty)
    }

    @Test func cancellingFreesThePlaceAndStaleVersionsAreRefused() throws {
        try db.setSetting(key: ReceptionSettingKey.regularCapacity, value: "1", operator: Fixture.reception, now: Fixture.morning)
        let first = try db.bookAppointment(booking(wang, car, at: ten), operator: Fixture.reception, now: Fixture.morning,
                                           timeZone: Fixture.shanghai)
        let cancelled = try db.setAppointmentStatus(id: first.id!, to: .cancelled, version: first.version,
                                                    operator: Fixture.reception, now: Fixture.morning)
        #expect(cancelled.status == .cancelled && cancelled.version == first.version + 1)
        #expect(throws: StoreError.self) {
            try db.setAppointmentStatus(id: first.id!, to: .confirmed, version: first.version, operator: Fixture.reception,
                                        now: Fixture.morning)
        }
        try db.bookAppointment(booking(li, liCar, at: ten), operator: Fixture.reception, now: Fixture.morning,
                               timeZone: Fixture.shanghai)
    }

    @Test func noShowsAreMarkedOnlyAfterTheSlotAndCounted() throws {
        let a = try db.bookAppointment(booking(wang, car, at: ten), operator: Fixture.reception, now: Fixture.morning,
                                       timeZone: Fixture.shanghai)
        let b = try db.bookAppointment(booking(li, liCar, at: ten), operator: Fixture.reception, now: Fixture.morning,
                                       timeZone: Fixture.shanghai)
        #expect(throws: ValidationError.self) {
            try db.setAppointmentStatus(id: a.id!, to: .noShow, version: a.version, operator: Fixture.reception, now: Fixture.morning)
        }
        let later = ten.addingTimeInterval(1800)
        try db.setAppointmentStatus(id: a.id!, to: .noShow, version: a.version, operator: Fixture.reception, now: later)
        try db.setAppointmentStatus(id: b.id!, to: .arrived, version: b.version, operator: Fixture.reception, now: later)
        let rate = try db.noShowRate(from: Fixture.morning, to: later)
        #expect(rate.noShows == 1 && rate.concluded == 2)
    }

    @Test func aNoShowUndoneGoesBackToWhatItWasAndIsAudited() throws {
        var a = try db.bookAppointment(booking(wang, car, at: ten), operator: Fixture.reception, now: Fixture.morning,
                                       timeZone: Fixture.shanghai)
        a = try db.setAppointmentStatus(id: a.id!, to: .confirmed, version: a.version, operator: Fixture.reception,
                                        now: Fixture.morning)
        let later = ten.addingTimeInterval(1800)
        a = try db.setAppointmentStatus(id: a.id!, to: .noShow, version: a.version, operator: Fixture.reception, now: later)
        #expect(try db.noShowRate(from: Fixture.morning, to: later).noShows == 1)
        let undone = try db.undoNoShow(id: a.id!, version: a.version, operator: Fixture.reception, now: later.addingTimeInterval(60))
        #expect(undone.status == .confirmed)
        #expect(try db.noShowRate(from: Fixture.morning, to: later).noShows == 0)
        let audit = try db.auditEntries(entity: Appointment.table, entityID: a.id!)
        #expect(audit.contains { $0.action == "noShowUndone" && $0.operatorName == Fixture.reception.name })
        // Not a no-show any more: nothing to undo.
        #expect(throws: ValidationError.self) {
            try db.undoNoShow(id: a.id!, version: undone.version, operator: Fixture.reception, now: later)
        }
        // Marked again, then the customer turns up late after all: they arrive.
        let again = try db.setAppointmentStatus(id: a.id!, to: .noShow, version: undone.version, operator: Fixture.reception,
                                                now: later)
        #expect(try db.setAppointmentStatus(id: a.id!, to: .arrived, version: again.version, operator: Fixture.reception,
                                            now: later).status == .arrived)
    }

    @Test func duplicatesAreFoundByPhonePlateOrVINInAnySpelling() throws {
        #expect(try db.duplicates(phone: "138-1234-5678", plate: "", vin: "").map(\.customerID) == [wang.id!])
        let byPlate = try db.duplicates(phone: "", plate: "粤a·12345", vin: "")
        #expect(byPlate.map(\.vehicleID) == [car.id!])
        #expect(byPlate.first?.reason == .plate)
        #expect(try db.duplicates(phone: "", plate: "", vin: Fixture.vin("LFVA23C30N3100001").lowercased()).first?.reason == .vin)
        #expect(try db.duplicates(phone: "13700002222", plate: "粤C99999", vin: "").isEmpty)
    }

    @Test func aWalkInIsSavedWithTheirCarOrRefusedAsADuplicate() throws {
        let (c, v) = try db.createCustomerWithVehicle(Customer(name: "赵敏", phones: ["13700002222"]),
                                                      vehicle: Vehicle(ownerID: 0, vin: nil, plate: "粤c99999", model: "朗逸"),
                                                      operator: Fixture.reception, now: Fixture.morning)
        #expect(v.ownerID == c.id && v.plate == "粤C99999")
        #expect(throws: StoreError.self) {
            try db.createCustomerWithVehicle(Customer(name: "赵敏二", phones: ["13700003333"]),
                                             vehicle: Vehicle(ownerID: 0, vin: nil, plate: "粤C99999", model: "朗逸"),
                                             operator: Fixture.reception, now: Fixture.morning)
        }
        // All or nothing: the refused car did not leave a customer behind.
        #expect(try db.duplicates(phone: "13700003333", plate: "", vin: "").isEmpty)
    }

    @Test func checkInSubjectCarriesTheLastReadingAndTheFolderDefaultsBesideTheDatabase() throws {
        let ro = try db.createRepairOrder(Fixture.repairOrder(customer: wang, vehicle: car, mileage: 23_000), concerns: [],
                                          jobs: [], operator: Fixture.reception, now: Fixture.morning, timeZone: Fixture.shanghai)
        var timed = Fixture.repairOrder(customer: wang, vehicle: car, openedAt: ten, mileage: 23_500)
        timed.checkInSeconds = 42
        let second = try db.createRepairOrder(timed, concerns: [Concern(repairOrderID: 0, text: "异响", category: .noise)],
                                              jobs: [], operator: Fixture.reception, now: ten, timeZone: Fixture.shanghai)
        #expect(try db.repairOrder(id: second.id!)?.checkInSeconds == 42)
        let subject = try #require(try db.checkInSubject(customerID: wang.id!, vehicleID: car.id!))
        #expect(subject.lastKm == 23_500)
        #expect(subject.card.lastVisits.map(\.id) == [second.id, ro.id])
        #expect(try db.workOrderFolder() == URL(fileURLWithPath: folder.dbPath).deletingLastPathComponent()
            .appendingPathComponent("work-orders").path)
        try db.setSetting(key: ReceptionSettingKey.workOrderFolder, value: "/srv/print", operator: Fixture.reception,
                          now: Fixture.morning)
        #expect(try db.workOrderFolder() == "/srv/print")
    }
}
