import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!

private func complaintRow(_ id: RowID, owner: RowID?) -> ComplaintRow {
    let c = Complaint(id: id, customerID: 1, repairOrderID: 70, category: .repairQuality, channel: .callback,
                      step: .acknowledged, description: "还是响", ownerID: owner, openedAt: now.addingTimeInterval(-3600), version: 2)
    return ComplaintRow(complaint: c, customerName: "王芳", phone: "13812345678", plate: "粤A12345", roNumber: "RO-1",
                        ownerName: owner == nil ? "" : "李娜")
}

private func onComplaintList() -> AppState {
    var s = AppState(language: .en, shopName: "Shop", operatorName: "李娜", now: now, timeZone: zone)
    _ = reduce(&s, .keyPressed(.function(7)))
    _ = reduce(&s, .followUp(.loaded(FollowUpSnapshot(
        queue: [], tasks: [], complaints: [complaintRow(5, owner: nil), complaintRow(6, owner: 1)], settings: FollowUpSettings(),
        complaintSettings: ComplaintSettings(), staff: [StaffChoice(id: 1, name: "李娜", skillLevel: 0),
                                                        StaffChoice(id: 2, name: "郑经理", skillLevel: 0)]))))
    _ = reduce(&s, .keyPressed(.character("v")))
    return s
}

@Suite struct ComplaintListReducerTests {
    @Test func takeNextStepAndHandOverWorkOnTheSelectedRowWithoutOpeningIt() {
        var s = onComplaintList()
        #expect(s.followUp.detail == nil && s.followUp.tab == .complaints)
        #expect(FollowUpFeature.bindings(for: s).contains { $0.keys == [.character("h")] })
        assertReduce(&s, .keyPressed(.character("t")), effects: [.followUp(.takeComplaint(id: 5, version: 2))])
        assertReduce(&s, .keyPressed(.down)) { $0.followUp.selectedComplaint = 1 }
        _ = reduce(&s, .keyPressed(.character("h")))
        #expect(s.followUp.picker?.purpose == .owner(complaintID: 6, version: 2))
        #expect(s.followUp.picker?.options.map(\.value) == ["2"])   // not the owner themself
        _ = reduce(&s, .keyPressed(.enter))
        for c in "客户下午在家" { _ = reduce(&s, .keyPressed(.character(c))) }
        #expect(reduce(&s, .keyPressed(.enter)) == [.followUp(.handOver(id: 6, version: 2, to: 2, note: "客户下午在家"))])
        // The next step stops the first-contact timer, from the list too.
        _ = reduce(&s, .keyPressed(.character("a")))
        #expect(s.followUp.picker?.purpose == .nextStep(complaintID: 6, version: 2))
    }

    @Test func aComplaintFromACardWithSeveralCarsAsksWhichCar() {
        var s = AppState(language: .en, shopName: "Shop", operatorName: "李娜", now: now, timeZone: zone)
        let cars = [Vehicle(id: 70, ownerID: 42, vin: nil, plate: "粤A12345", model: "迈腾"),
                    Vehicle(id: 71, ownerID: 42, vin: nil, plate: "粤B67890", model: "宝来")]
        _ = complaintFromCard(&s, customerID: 42, vehicles: cars)
        #expect(s.followUp.picker?.purpose == .newCar(customerID: 42))
        #expect(s.followUp.picker?.options.map(\.label.en) == ["粤A·12345  迈腾", "粤B·67890  宝来"])
        _ = reduce(&s, .keyPressed(.down))
        _ = reduce(&s, .keyPressed(.enter))
        #expect(s.followUp.picker?.purpose == .newChannel(customerID: 42, vehicleID: 71))
        _ = reduce(&s, .keyPressed(.enter))          // phone
        _ = reduce(&s, .keyPressed(.enter))          // repair quality
        for c in "异响未解决" { _ = reduce(&s, .keyPressed(.character(c))) }
        #expect(reduce(&s, .keyPressed(.enter)) == [.followUp(.openComplaint(customerID: 42, vehicleID: 71, channel: .phone,
                                                                               category: .repairQuality, description: "异响未解决"))])
        // One car: no question, the complaint is about it.
        var one = AppState(language: .en, shopName: "Shop", operatorName: "李娜", now: now, timeZone: zone)
        _ = complaintFromCard(&one, customerID: 42, vehicles: [cars[0]])
        #expect(one.followUp.picker?.purpose == .newChannel(customerID: 42, vehicleID: 70))
    }
}

/// `c` on the customer card: the card asks the shell for the follow-up panel, which starts the complaint.
func complaintFromCard(_ s: inout AppState, customerID: RowID, vehicles: [Vehicle] = []) -> [Effect] {
    s.find.card = CustomerCard(customer: Customer(id: customerID, name: "王芳", phones: ["13800001111"]),
                                   vehicles: vehicles, mileage: [:], lastVisits: [], openComplaints: [])
    return reduce(&s, .keyPressed(.character("c")))
}
