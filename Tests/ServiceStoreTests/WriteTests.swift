import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

@Suite struct WriteTests {
    @Test func everyWriteLeavesAnAuditRowWithTheChangedFields() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        var customer = try Fixture.customer(db, "王芳", phones: ["138 1234 5678"])
        #expect(customer.phones == ["13812345678"])
        #expect(customer.version == 0)

        customer.notes = "只在下午接电话"
        let later = Fixture.morning.addingTimeInterval(600)
        customer = try db.saveCustomer(customer, operator: Fixture.advisor, now: later)
        #expect(customer.version == 1)

        let entries = try db.auditEntries(entity: "customer", entityID: customer.id!)
        #expect(entries.map(\.action) == ["update", "insert"])
        let update = entries[0]
        #expect(update.operatorName == "李顾问")
        #expect(update.at == later)
        #expect(update.detail.contains("\"notes\""))
        #expect(update.detail.contains("只在下午接电话"))
        #expect(!update.detail.contains("\"name\""))
        #expect(entries[1].operatorName == "张前台")
        #expect(entries[1].detail.contains("13812345678"))

        // Saving without a change writes nothing and keeps the version.
        let unchanged = try db.saveCustomer(customer, operator: Fixture.advisor, now: later)
        #expect(unchanged.version == 1)
        #expect(try db.auditEntries(entity: "customer", entityID: customer.id!).count == 2)
    }

    @Test func aStaleSaveFromAnotherTerminalIsRefusedAndChangesNothing() throws {
        let folder = TempFolder()
        let terminalA = try Fixture.open(folder)
        let terminalB = try Fixture.open(folder)
        let created = try Fixture.customer(terminalA, "王芳", phones: ["13812345678"])

        var inA = try #require(try terminalA.customer(id: created.id!))
        var inB = try #require(try terminalB.customer(id: created.id!))
        inB.notes = "B 的备注"
        let changeTime = Date(timeIntervalSince1970: 1_795_312_800) // 10:00 in Shanghai
        _ = try terminalB.saveCustomer(inB, operator: Fixture.advisor, now: changeTime)

        inA.name = "王芳芳"
        do {
            _ = try terminalA.saveCustomer(inA, operator: Fixture.reception, now: changeTime.addingTimeInterval(60))
            Issue.record("the stale save was accepted")
        } catch let error as StoreError {
            #expect(error == .conflict(entity: "customer", id: created.id!, changedBy: "李顾问",
                                       changedAt: "2026-11-22 10:00"))
            #expect(error.message.en.contains("changed by 李顾问 at 2026-11-22 10:00, reload"))
            #expect(error.message.zh.contains("李顾问"))
        }
        let stored = try #require(try terminalA.customer(id: created.id!))
        #expect(stored.name == "王芳")
        #expect(stored.notes == "B 的备注")
        #expect(stored.version == 1)
    }

    @Test func invalidInputIsRefusedBeforeAnythingIsStored() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        #expect(throws: ValidationError.self) {
            try Fixture.customer(db, "王芳", phones: ["12345"])
        }
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        #expect(throws: ValidationError.self) {
            try Fixture.vehicle(db, owner: owner, plate: "粤I12345")
        }
        #expect(try db.vehicles(ownerID: owner.id!).isEmpty)
        #expect(try db.auditEntries(entity: "vehicle", entityID: nil).isEmpty)
    }

    @Test func duplicatePlateOrVINNamesTheExistingOwnerWithAMaskedPhone() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let wang = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let li = try Fixture.customer(db, "李雷", phones: ["13900001111"])
        let vin = Fixture.vin("LSVAU2180N2183294")
        _ = try Fixture.vehicle(db, owner: wang, plate: "粤A12345", vin: vin)

        #expect(throws: StoreError.duplicatePlate(plate: "粤A·12345", ownerName: "王芳", ownerPhone: "138****5678")) {
            try Fixture.vehicle(db, owner: li, plate: "粤a.12345")
        }
        #expect(throws: StoreError.duplicateVIN(vin: vin, plate: "粤A·12345", ownerName: "王芳",
                                                ownerPhone: "138****5678")) {
            try Fixture.vehicle(db, owner: li, plate: "粤B67890", vin: vin.lowercased())
        }
        let message = StoreError.duplicatePlate(plate: "粤A·12345", ownerName: "王芳", ownerPhone: "138****5678").message
        #expect(!message.en.contains("13812345678"))
    }

    @Test func mileageNeverGoesBackWithoutAnOdometerReason() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345")
        try db.recordMileage(vehicleID: car.id!, km: 20_000, at: Fixture.morning, source: .manual,
                             operator: Fixture.reception)
        #expect(throws: ValidationError.self) {
            try db.recordMileage(vehicleID: car.id!, km: 500, at: Fixture.morning.addingTimeInterval(60),
                                 source: .manual, operator: Fixture.reception)
        }
        try db.recordMileage(vehicleID: car.id!, km: 500, at: Fixture.morning.addingTimeInterval(120),
                             source: .odometerReplaced, reason: "更换仪表盘", operator: Fixture.reception)
        let readings = try db.mileageReadings(vehicleID: car.id!)
        #expect(readings.map(\.km) == [500, 20_000])
        #expect(readings[0].reason == "更换仪表盘")
    }

    @Test func repairOrderNumbersCountPerShopDay() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345")
        var numbers: [String] = []
        for (hour, km) in [(0.0, 10_000), (1, 10_001), (2, 10_002)] {
            let ro = Fixture.repairOrder(customer: owner, vehicle: car,
                                         openedAt: Fixture.morning.addingTimeInterval(hour * 3600), mileage: km)
            numbers.append(try db.createRepairOrder(ro, concerns: [], jobs: [], operator: Fixture.reception,
                                                    now: ro.openedAt, timeZone: Fixture.shanghai).number)
        }
        // 17:00 UTC on the 22nd is already 01:00 on the 23rd in Shanghai: a new day, a new count.
        let nextDay = Date(timeIntervalSince1970: 1_795_366_800)
        let late = Fixture.repairOrder(customer: owner, vehicle: car, openedAt: nextDay, mileage: 10_100)
        numbers.append(try db.createRepairOrder(late, concerns: [], jobs: [], operator: Fixture.reception,
                                                now: nextDay, timeZone: Fixture.shanghai).number)
        #expect(numbers == ["RO-20261122-0001", "RO-20261122-0002", "RO-20261122-0003", "RO-20261123-0001"])
    }

    @Test func creatingARepairOrderRecordsConcernsJobsMileageAndFirstStage() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345")
        let ro = try db.createRepairOrder(
            Fixture.repairOrder(customer: owner, vehicle: car, mileage: 15_000),
            concerns: [Concern(repairOrderID: 0, text: "刹车异响\u{1B}[31m", category: .brakes)],
            jobs: [Job(repairOrderID: 0, description: "更换刹车片", labour: .yuan(200), parts: .yuan(450))],
            operator: Fixture.reception, now: Fixture.morning, timeZone: Fixture.shanghai)
        let id = try #require(ro.id)
        #expect(try db.repairOrder(id: id) == ro)
        #expect(try db.concerns(repairOrderID: id).map(\.text) == ["刹车异响"])
        #expect(try db.jobs(repairOrderID: id).map(\.parts) == [.yuan(450)])
        #expect(try db.mileageReadings(vehicleID: car.id!).map(\.km) == [15_000])
        #expect(try db.stageChanges(repairOrderID: id).map(\.to) == [.checkedIn])

        // An order for someone else's car is refused.
        let other = try Fixture.customer(db, "李雷", phones: ["13900001111"])
        #expect(throws: StoreError.self) {
            try db.createRepairOrder(Fixture.repairOrder(customer: other, vehicle: car, mileage: 16_000),
                                     concerns: [], jobs: [], operator: Fixture.reception, now: Fixture.morning,
                                     timeZone: Fixture.shanghai)
        }
        // A lower check-in mileage is refused and leaves no half-made order behind.
        #expect(throws: ValidationError.self) {
            try db.createRepairOrder(Fixture.repairOrder(customer: owner, vehicle: car, mileage: 100), concerns: [],
                                     jobs: [], operator: Fixture.reception, now: Fixture.morning,
                                     timeZone: Fixture.shanghai)
        }
        #expect(try db.repairOrders(stageIn: [.checkedIn]).count == 1)
        let card = try #require(try db.customerCard(customerID: owner.id!))
        #expect(card.lastVisits.map(\.id) == [id])
        #expect(card.mileage[car.id!]?.map(\.km) == [15_000])
    }

    @Test func stageChangesAreVersionCheckedAndKeptAsHistory() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345")
        let ro = try db.createRepairOrder(Fixture.repairOrder(customer: owner, vehicle: car), concerns: [], jobs: [],
                                          operator: Fixture.reception, now: Fixture.morning,
                                          timeZone: Fixture.shanghai)
        let t1 = Fixture.morning.addingTimeInterval(600)
        // Dispatch needs technicians on the jobs (see WorkshopStoreTests); a hold is a plain versioned move.
        let dispatched = try db.recordStageChange(roID: ro.id!, from: .checkedIn, to: .onHold, version: ro.version,
                                                  note: "等客户确认", operator: Fixture.advisor, now: t1)
        #expect(dispatched.version == 1)
        #expect(throws: StoreError.self) {
            try db.recordStageChange(roID: ro.id!, from: .checkedIn, to: .cancelled, version: ro.version,
                                     note: "客户取消", operator: Fixture.reception, now: t1)
        }
        let t2 = Fixture.morning.addingTimeInterval(7200)
        let delivered = try db.recordStageChange(roID: ro.id!, from: .onHold, to: .cancelled,
                                                 version: dispatched.version, note: "客户取消", operator: Fixture.advisor,
                                                 now: t2)
        #expect(delivered.closedAt == t2)
        #expect(try db.stageChanges(repairOrderID: ro.id!).map(\.to) == [.checkedIn, .onHold, .cancelled])
        #expect(try db.auditEntries(entity: "repair_order", entityID: ro.id!).first?.action == "stageChange")

        var edited = delivered
        edited.stage = .inProgress
        #expect(throws: StoreError.self) { try db.updateRepairOrder(edited, operator: Fixture.advisor, now: t2) }
        edited = delivered
        edited.finalLabour = .yuan(180)
        let saved = try db.updateRepairOrder(edited, operator: Fixture.advisor, now: t2)
        #expect(saved.version == delivered.version + 1)
        #expect(try db.repairOrder(id: ro.id!)?.finalLabour == .yuan(180))
    }

    @Test func followUpRecordsRoundTripWithVersions() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345")
        let staff = try db.saveStaff(Staff(login: "liwei", name: "李伟", roles: [.advisor, .manager]),
                                     operator: Fixture.reception, now: Fixture.morning)
        #expect(try db.staff(login: "liwei") == staff)
        #expect(throws: StoreError.duplicateLogin(login: "liwei")) {
            try db.saveStaff(Staff(login: "liwei", name: "另一个", roles: [.reception]), operator: Fixture.reception,
                             now: Fixture.morning)
        }
        let appointment = try db.saveAppointment(
            Appointment(customerID: owner.id!, vehicleID: car.id!, slotStart: Fixture.morning, serviceType: .maintenance),
            operator: Fixture.reception, now: Fixture.morning)
        #expect(try db.appointment(id: appointment.id!) == appointment)

        let ro = try db.createRepairOrder(Fixture.repairOrder(customer: owner, vehicle: car), concerns: [], jobs: [],
                                          operator: Fixture.reception, now: Fixture.morning,
                                          timeZone: Fixture.shanghai)
        let callback = try db.createCallback(Callback(repairOrderID: ro.id!, dueAt: Fixture.morning),
                                             operator: Fixture.advisor, now: Fixture.morning)
        let afterCall = try db.recordCallAttempt(
            CallAttempt(callbackID: callback.id!, at: Fixture.morning, outcome: .noAnswer, callerID: staff.id),
            callbackVersion: callback.version, operator: Fixture.advisor, now: Fixture.morning)
        #expect(afterCall.attempts == 1 && afterCall.version == 1)
        #expect(try db.callAttempts(callbackID: callback.id!).map(\.outcome) == [.noAnswer])
        try db.saveCallbackAnswers(callbackID: callback.id!, answers: ["overall": "5", "wait": "4"],
                                   operator: Fixture.advisor, now: Fixture.morning)
        try db.saveCallbackAnswers(callbackID: callback.id!, answers: ["wait": "3"], operator: Fixture.advisor,
                                   now: Fixture.morning)
        #expect(try db.callbackAnswers(callbackID: callback.id!) == ["overall": "5", "wait": "3"])
        try db.setStaffPINHash(staffID: staff.id!, hash: "scrypt$abc", operator: Fixture.advisor, now: Fixture.morning)
        #expect(try db.staffPINHash(staffID: staff.id!) == "scrypt$abc")
        #expect(try db.auditEntries(entity: "staff", entityID: staff.id!).first?.detail == "{}")

        var complaint = try db.saveComplaint(
            Complaint(customerID: owner.id!, repairOrderID: ro.id, category: .timeliness, channel: .callback,
                      description: "交车晚了一小时", openedAt: Fixture.morning),
            operator: Fixture.advisor, now: Fixture.morning)
        complaint.step = .handling
        complaint = try db.saveComplaint(complaint, operator: Fixture.advisor, now: Fixture.morning, note: "已致歉")
        #expect(try db.complaintEvents(complaintID: complaint.id!).map(\.step) == [.acknowledged, .handling])
        #expect(try db.customerCard(customerID: owner.id!)?.openComplaints.map(\.id) == [complaint.id])

        let comeback = try db.saveComeback(
            Comeback(earlierRepairOrderID: ro.id!, laterRepairOrderID: nil, source: .followUp, createdAt: Fixture.morning),
            operator: Fixture.advisor, now: Fixture.morning)
        #expect(try db.comeback(id: comeback.id!) == comeback)

        try db.setSetting(key: "shop.timeZone", value: "Asia/Shanghai", operator: Fixture.advisor, now: Fixture.morning)
        #expect(try db.setting(key: "shop.timeZone") == "Asia/Shanghai")
        #expect(try db.setting(key: "missing") == nil)
        #expect(try db.auditEntries(entity: "setting", entityID: nil).count == 1)
        #expect(try db.check().isHealthy)
    }
}
