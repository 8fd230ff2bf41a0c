import Foundation
import ServiceDomain
import Testing
@testable import ServiceStore

/// A complaint from the customer card is about the car the customer named, not their latest visit.
@Suite struct ComplaintCarStoreTests {
    @Test func theComplaintLinksToTheNamedCarsLatestOrder() throws {
        let shop = try WorkshopShop()
        let second = try Fixture.vehicle(shop.db, owner: shop.customer, plate: "粤B67890")
        let first = try shop.open(.minorRepair, minutes: 0)
        _ = try shop.open(.minorRepair, minutes: 30, vehicle: second)   // the latest visit is the other car
        let c = try shop.db.openComplaint(customerID: shop.customer.id!, repairOrderID: nil, vehicleID: shop.vehicle.id,
                                          category: .repairQuality, channel: .phone, description: "异响未解决",
                                          operator: shop.op(shop.advisor), now: shop.at(60))
        #expect(c.repairOrderID == first.id)
        #expect(try shop.db.complaintRow(id: c.id!)?.plate == "粤A12345")
        // A car never serviced here links to no order rather than to another car's.
        let third = try Fixture.vehicle(shop.db, owner: shop.customer, plate: "粤C11111")
        let none = try shop.db.openComplaint(customerID: shop.customer.id!, repairOrderID: nil, vehicleID: third.id,
                                             category: .other, channel: .walkIn, description: "想了解保养套餐",
                                             operator: shop.op(shop.advisor), now: shop.at(61))
        #expect(none.repairOrderID == nil)
    }
}
