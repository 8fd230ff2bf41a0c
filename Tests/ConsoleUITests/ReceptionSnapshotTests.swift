import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!
private let small = Size(width: 80, height: 24)
private let large = Size(width: 120, height: 40)
private let day: TimeInterval = 86_400

private func base(_ language: Language = .zhHans) -> AppState {
    AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "陈小玲", now: now, timeZone: zone)
}

private func keys(_ s: inout AppState, _ list: [Key]) { for k in list { _ = reduce(&s, .keyPressed(k)) } }
private func type(_ s: inout AppState, _ text: String) { keys(&s, text.map { .character($0) }) }

private let wang = Customer(id: 1, name: "王芳", phones: ["13812345678"], isOutOfWarrantyOwner: true, isUsedCarOwner: true,
                            preferredCallTime: "下午3点后")
private let car = Vehicle(id: 11, ownerID: 1, vin: "LFVA23C30N3100001", plate: "粤A12345", model: "迈腾 2.0T")
/// A major assembly repair delivered twelve days ago: inside its 100-day window, so the desk is warned of a possible comeback.
private let lastRepair = RepairOrder(id: 5, number: "RO-20261110-0003", customerID: 1, vehicleID: 11, advisorID: 1,
                                     serviceType: .repair, repairClass: .majorAssembly, stage: .delivered,
                                     openedAt: now.addingTimeInterval(-13 * day), promisedAt: now.addingTimeInterval(-12 * day),
                                     closedAt: now.addingTimeInterval(-12 * day), mileageIn: 22_800, contactPhone: "13812345678")
private let complaint = Complaint(customerID: 1, repairOrderID: 5, category: .repairQuality, channel: .callback,
                                  description: "刹车仍有异响", openedAt: now.addingTimeInterval(-10 * day))
private let info = CheckInCustomerInfo(customer: wang, vehicle: car, lastKm: 22_800, lastVisits: [lastRepair],
                                       openComplaints: [complaint])

private func withForm(_ language: Language = .zhHans) -> AppState {
    var s = base(language)
    keys(&s, [.function(3)])
    _ = reduce(&s, .reception(.checkInLoaded(info, appointment: nil, arrivedAt: now, hours: .standard, carry: nil)))
    type(&s, "23500")
    keys(&s, [.tab])
    type(&s, "刹车异响，踩下去软")
    keys(&s, [.tab])
    type(&s, "380")
    keys(&s, [.tab])
    type(&s, "120.5")
    return s
}

private func withSearch() -> AppState {
    var s = base()
    keys(&s, [.function(3)])
    type(&s, "粤a12")
    let found = SearchHit(customerID: 1, name: "王芳", phones: ["13812345678"], isOutOfWarrantyOwner: true,
                              vehicles: [VehicleSummary(id: 11, plate: "粤A12345", model: "迈腾 2.0T", vin: "LFVA23C30N3100001"),
                                         VehicleSummary(id: 12, plate: "粤AD12345", model: "ID.4 CROZZ 纯电动长续航版", vin: nil)])
    _ = reduce(&s, .reception(.searchCompleted(.checkIn, query: "粤a12", results: [found])))
    return s
}

private func newCustomer() -> AppState {
    var s = base()
    keys(&s, [.function(3)])
    var carry = CheckInForm(subject: nil, appointment: nil, arrivedAt: now, hours: .standard, now: now, timeZone: zone)
    carry.texts[.plate] = TextInputState(text: "粤A12345")
    _ = reduce(&s, .reception(.checkInLoaded(nil, appointment: nil, arrivedAt: now, hours: .standard, carry: carry)))
    type(&s, "欧阳建华")
    keys(&s, [.tab])
    type(&s, "13812345678")
    _ = reduce(&s, .reception(.duplicatesFound([DuplicateMatch(reason: .phone, customerID: 1, customerName: "王芳",
                                                               phone: "13812345678", vehicleID: 11, plate: "粤A12345")])))
    return s
}

private func saved() -> AppState {
    var s = base()
    keys(&s, [.function(3)])
    let order = RepairOrder(id: 9, number: "RO-20261122-0008", customerID: 1, vehicleID: 11, advisorID: 2,
                            serviceType: .repair, repairClass: .minorRepair, openedAt: now, promisedAt: now.addingTimeInterval(9000),
                            mileageIn: 23_500, contactPhone: "13812345678", estimateLabour: Fen(38_000), estimateParts: Fen(12_050),
                            checkInSeconds: 38)
    let text = WorkOrderText(shopName: s.shopName, order: order, customerName: "王芳", plate: "粤A12345", model: "迈腾 2.0T",
                             vin: "LFVA23C30N3100001", concerns: [Concern(repairOrderID: 9, text: "刹车异响", category: .brakes)],
                             valuablesReminded: true, advisorName: "李娜",
                             jobs: [Job(repairOrderID: 9, description: "刹车异响", labour: Fen(38_000), parts: Fen(12_050),
                                        labourHours: 1.5)]).render(timeZone: zone)
    _ = reduce(&s, .reception(.checkInSaved(SavedCheckIn(number: order.number, checkInSeconds: 38,
                                                         workOrderPath: "/home/desk/.local/share/advisor/work-orders/RO-20261122-0008.txt",
                                                         workOrderText: text), warning: nil)))
    return s
}

private let tomorrow = Date(timeIntervalSince1970: 1_795_276_800 + day)

private func appointmentRows() -> [AppointmentListing] {
    func row(_ id: RowID, _ minutes: Int, _ name: String, _ plate: String, _ concerns: String, lane: Lane = .regular,
             status: AppointmentStatus = .booked, waiter: Bool = false, override: String = "") -> AppointmentListing {
        AppointmentListing(appointment: Appointment(id: id, customerID: id, vehicleID: id,
                                                slotStart: tomorrow.addingTimeInterval(TimeInterval(minutes * 60)), lane: lane,
                                                serviceType: lane == .express ? .maintenance : .repair, concerns: concerns,
                                                isWaiter: waiter, status: status, capacityOverrideReason: override),
                       customerName: name, phone: "1390000\(1000 + id)", plate: plate, model: "迈腾")
    }
    return [
        row(1, 510, "王芳", "粤A12345", "刹车异响", status: .confirmed),
        row(2, 510, "欧阳建华", "粤B8K2F7", "两万公里保养", lane: .express, waiter: true),
        row(3, 540, "李强", "湘A1234学", "中控屏黑屏", status: .rescheduled),
        row(4, 600, "张伟", "粤AD12345", "空调不凉", status: .booked, override: "老客户"),
        row(5, 630, "陈静", "粤A88375", "左前门被刮", status: .cancelled),
    ]
}

private func appointments(_ language: Language = .zhHans) -> AppState {
    var s = base(language)
    keys(&s, [.function(4)])
    _ = reduce(&s, .reception(.dayLoaded(day: tomorrow, rows: appointmentRows(), hours: .standard,
                                         noShow: NoShowStats(noShows: 3, concluded: 40))))
    keys(&s, [.down, .down])
    return s
}

@Suite struct ReceptionSnapshotTests {
    @Test func keysOfReceptionAndAppointments() {
        assertHelp(withSearch(), panel: .reception, mode: "list")
        assertHelp(withForm(), panel: .reception, mode: "form")
        assertHelp(newCustomer(), panel: .reception, mode: "form-duplicate")
        assertHelp(appointments(), panel: .appointments, mode: "list")
        var s = appointments()
        keys(&s, [.up, .up, .enter])
        assertHelp(s, panel: .appointments, mode: "form-search")
        keys(&s, [.tab])
        assertHelp(s, panel: .appointments, mode: "form-choice")
        keys(&s, [.ctrl("n")])
        assertHelp(s, panel: .appointments, mode: "form-new-customer")
    }

    @Test func searchAndResults() {
        assertSnapshot(ConsoleView.render(withSearch(), size: small), named: "reception-search-80x24")
    }

    @Test func checkInFormShowsTheCardFirst() {
        assertSnapshot(ConsoleView.render(withForm(), size: small), named: "reception-form-80x24")
        assertSnapshot(ConsoleView.render(withForm(), size: large), named: "reception-form-120x40")
        assertSnapshot(ConsoleView.render(withForm(.en), size: large), named: "reception-form-en-120x40")
        assertSnapshot(ConsoleView.render(withForm(.en), size: small), named: "reception-form-en-80x24")
    }

    @Test func newCustomerWithADuplicate() {
        assertSnapshot(ConsoleView.render(newCustomer(), size: small), named: "reception-new-customer-80x24")
    }

    /// Work the customer declined last time is offered again on the check-in card, with its amount.
    @Test func declinedWorkIsOnTheCheckInCard() {
        var declined = info
        declined.declinedWork = [Job(repairOrderID: 5, description: "更换前刹车片", status: .declined, isAdditional: true,
                                     labour: .yuan(150), parts: .yuan(460))]
        var s = base(.en)
        keys(&s, [.function(3)])
        _ = reduce(&s, .reception(.checkInLoaded(declined, appointment: nil, arrivedAt: now, hours: .standard, carry: nil)))
        let text = ConsoleView.render(s, size: large).snapshot()
        #expect(text.contains("↺ Declined last time: 更换前刹车片 ¥610.00"))
        let without = ConsoleView.render(withForm(.en), size: large).snapshot()
        #expect(!without.contains("Declined last time"))
    }

    @Test func savedWorkOrder() {
        assertSnapshot(ConsoleView.render(saved(), size: large), named: "reception-saved-120x40")
    }

    @Test func dayView() {
        assertSnapshot(ConsoleView.render(appointments(), size: small), named: "appointments-day-80x24")
        assertSnapshot(ConsoleView.render(appointments(), size: large), named: "appointments-day-120x40")
        assertSnapshot(ConsoleView.render(appointments(.en), size: small), named: "appointments-day-en-80x24")
    }

    @Test func bookingForm() {
        var s = appointments()
        keys(&s, [.up, .up, .enter])
        type(&s, "a1")
        _ = reduce(&s, .reception(.searchCompleted(.booking, query: "a1", results: [
            SearchHit(customerID: 1, name: "王芳", phones: ["13812345678"],
                          vehicles: [VehicleSummary(id: 11, plate: "粤A12345", model: "迈腾 2.0T", vin: nil)]),
        ])))
        assertSnapshot(ConsoleView.render(s, size: small), named: "appointments-booking-80x24")
    }

    /// The English labels ("Customer/car", "Override reason") are never cut at 80 columns.
    @Test func bookingFormInEnglishWithAnOverride() {
        var s = appointments(.en)
        keys(&s, [.up, .up, .enter])
        s.reception.appointments.booking?.needsOverride = true
        let frame = ConsoleView.render(s, size: small)
        assertSnapshot(frame, named: "appointments-booking-override-en-80x24")
        let text = frame.textLines.joined(separator: "\n")
        #expect(text.contains("Customer/car ") && text.contains("Override reason "))
    }

    @Test func confirmationList() {
        var s = appointments(.en)
        keys(&s, [.character("t")])
        assertSnapshot(ConsoleView.render(s, size: large), named: "appointments-confirmations-en-120x40")
    }
}

@Suite struct ReceptionLayoutTests {
    /// Every width from 80 to 200: rows are exactly the screen's width, no wide glyph is split.
    @Test(arguments: Array(stride(from: 80, through: 200, by: 3)))
    func receptionPanelsStayAligned(width: Int) {
        for s in [withForm(), withForm(.en), newCustomer(), saved(), appointments(), withSearch()] {
            let buffer = ConsoleView.render(s, size: Size(width: width, height: 26))
            for y in 0..<buffer.size.height {
                var columns = 0
                for x in 0..<buffer.size.width {
                    let cell = buffer[x, y]
                    if cell.isContinuation {
                        #expect(x > 0 && buffer[x - 1, y].width == 2, "orphan continuation at \(x),\(y)")
                        continue
                    }
                    columns += cell.width
                }
                #expect(columns == width, "row \(y) is \(columns) columns wide at width \(width)")
            }
        }
    }

    @Test func theDeskSeesThePossibleComebackAndMaskedPhonesInLists() {
        let form = ConsoleView.render(withForm(), size: large).textLines.joined(separator: "\n")
        #expect(form.contains("可能返修") && form.contains("RO-20261110-0003"))
        #expect(form.contains("刹车仍有异响"))
        #expect(form.contains("¥500.50"))
        let day = ConsoleView.render(appointments(), size: large).textLines.joined(separator: "\n")
        #expect(day.contains("139****1001") && !day.contains("13900001001"))
        #expect(day.contains("7.5%"))
    }
}
