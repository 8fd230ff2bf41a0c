import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

/// The ★ out-of-warranty mark agrees with the warranty end date for every customer, in the card and
/// in the search, whatever the stored flag says.
@Suite struct OutOfWarrantyTests {
    @Test func customersWhoseWarrantiesEndedMonthsApartAreMarkedAlike() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let today = CalendarDate(Date(), in: db.timeZone)
        let cases: [(name: String, phone: String, marked: Bool, end: CalendarDate?, expected: Bool)] = [
            ("王芳", "13812345678", true, today.adding(years: -1), true),
            ("李雷", "13900001111", false, today.adding(years: -2), true),
            ("张伟", "13600001111", true, today.adding(years: 1), false),
            ("赵敏", "13500002222", true, nil, true),
            ("孙丽", "13700001111", false, nil, false),
        ]
        for (i, c) in cases.enumerated() {
            let customer = try db.saveCustomer(Customer(name: c.name, phones: [c.phone], isOutOfWarrantyOwner: c.marked),
                                               operator: Fixture.reception, now: Fixture.morning)
            try db.saveVehicle(Vehicle(ownerID: customer.id!, vin: nil, plate: "粤A1234\(i)", model: "朗逸",
                                       warrantyEndDate: c.end), operator: Fixture.reception, now: Fixture.morning)
        }
        for (i, c) in cases.enumerated() {
            let card = try #require(try db.customerCard(customerID: RowID(i + 1)))
            #expect(card.customer.isOutOfWarrantyOwner == c.expected, "card of \(c.name)")
            let hit = try #require(try db.search(c.phone).first)
            #expect(hit.isOutOfWarrantyOwner == c.expected, "search hit of \(c.name)")
        }
        // The stored mark itself is left as the shop set it.
        #expect(try db.customer(id: 2)?.isOutOfWarrantyOwner == false)
    }
}
