import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

/// The desk-order migration repairs orders saved while the estimate never reached the lines and orders had
/// no advisor.
@Suite struct DeskOrderMigrationTests {
    @Test func existingOrdersGetTheirEstimateOnTheLinesAndTheirAdvisor() throws {
        let folder = TempFolder()
        try FileManager.default.createDirectory(atPath: (folder.dbPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: folder.dbPath)
        try Schema.migrator.migrate(queue, upTo: "followup-1-message-sent")
        let at = "2026-11-20 02:00:00.000"
        try queue.write { conn in
            try conn.execute(sql: """
                INSERT INTO customer (id, name) VALUES (1, '王芳');
                INSERT INTO vehicle (id, owner_id, plate, model) VALUES (1, 1, '粤A12345', '迈腾');
                INSERT INTO staff (id, login, name, roles) VALUES (1, 'lina', '李娜', 'advisor'), (2, 'chen', '陈小玲', 'reception');
                -- 1: open, its line saved at ¥0 by the old check-in.
                INSERT INTO repair_order (id, number, customer_id, vehicle_id, service_type, repair_class, stage, opened_at,
                    promised_at, mileage_in, fuel_level, estimate_labour, estimate_parts)
                VALUES (1, 'RO-20261120-0001', 1, 1, 'repair', 'minorRepair', 'inProgress', '\(at)', '\(at)', 100, 'half', 38000, 12000);
                INSERT INTO job (repair_order_id, description, status) VALUES (1, '刹车异响', 'pending');
                -- 2: delivered with no line at all and final amounts stored as ¥0.
                INSERT INTO repair_order (id, number, customer_id, vehicle_id, service_type, repair_class, stage, opened_at,
                    promised_at, closed_at, mileage_in, fuel_level, estimate_labour, estimate_parts, final_labour, final_parts)
                VALUES (2, 'RO-20261120-0002', 1, 1, 'maintenance', 'level1Maintenance', 'delivered', '\(at)', '\(at)', '\(at)',
                        200, 'half', 30000, 20000, 0, 0);
                INSERT INTO concern (repair_order_id, text, category) VALUES (2, '保养', 'maintenance');
                -- 3: already right (a real line): untouched.
                INSERT INTO repair_order (id, number, customer_id, vehicle_id, service_type, repair_class, stage, opened_at,
                    promised_at, mileage_in, fuel_level, estimate_labour, estimate_parts)
                VALUES (3, 'RO-20261120-0003', 1, 1, 'repair', 'minorRepair', 'checkedIn', '\(at)', '\(at)', 300, 'half', 10000, 0);
                INSERT INTO job (repair_order_id, description, labour) VALUES (3, '检查', 8000);
                -- Who checked 1 and 2 in: the advisor (1), the clerk (2).
                INSERT INTO audit_log (at, operator_id, operator_name, action, entity, entity_id)
                VALUES ('\(at)', 1, '李娜', 'insert', 'repair_order', 1), ('\(at)', 2, '陈小玲', 'insert', 'repair_order', 2);
                """)
        }
        try queue.close()
        let db = try Fixture.open(folder)
        let open = try db.jobs(repairOrderID: 1)
        #expect(open.map(\.labour) == [Fen(38000)] && open.map(\.parts) == [Fen(12000)])
        let delivered = try db.jobs(repairOrderID: 2)
        #expect(delivered.map(\.description) == ["保养"] && delivered.map(\.status) == [.done])
        #expect(delivered.map(\.total) == [Fen(50000)])
        let order2 = try #require(try db.repairOrder(id: 2))
        #expect(order2.finalLabour == Fen(30000) && order2.finalParts == Fen(20000))
        #expect(try db.jobs(repairOrderID: 3).map(\.labour) == [Fen(8000)])
        #expect(try db.repairOrder(id: 1)?.advisorID == 1)
        #expect(try db.repairOrder(id: 2)?.advisorID == nil)
        #expect(try db.auditEntries(entity: RepairOrder.table, entityID: 1).contains { $0.action == "repairEstimateToLines" })
        #expect(try db.auditEntries(entity: RepairOrder.table, entityID: 1).contains { $0.action == "repairAdvisor" })
        #expect(try db.check().isHealthy)
    }
}
