import Foundation
import ServiceDomain
import ServiceStore

/// The people of the demo shop.
struct DemoStaff {
    var admin: Staff
    var reception: Staff
    var advisors: [Staff]
    var technicians: [Staff]
    var lead: Staff
    var manager: Staff
    var count: Int { 4 + advisors.count + technicians.count + 1 }

    static func create(_ db: AppDatabase, operatorLogin: String, now: Date) throws -> DemoStaff {
        let op = Operator(staffID: nil, name: "demo")
        func save(_ login: String, _ name: String, _ roles: Set<Role>, skill: Int = 0) throws -> Staff {
            try db.saveStaff(Staff(login: login, name: name, roles: roles, skillLevel: skill), operator: op, now: now)
        }
        // Whoever creates the demo shop runs it as its administrator and service manager.
        let admin = try save(operatorLogin, "演示管理员", [.admin, .manager, .advisor, .reception])
        let reception = try save("chenxl", "陈小玲", [.reception])
        _ = try save("linxm", "林晓敏", [.reception])
        let advisors = try [
            save("huangzq", "黄志强", [.advisor, .reception]),
            save("lina", "李娜", [.advisor, .reception]),
            save("zhoujh", "周建华", [.advisor, .reception]),
            save("wutt", "吴婷婷", [.advisor, .reception]),
        ]
        let technicians = try [
            save("liudm", "刘德明", [.technician], skill: 5),
            save("zhangw", "张伟", [.technician], skill: 4),
            save("hegq", "何国强", [.technician], skill: 3),
            save("guoy", "郭勇", [.technician], skill: 3),
            save("majj", "马俊杰", [.technician], skill: 2),
            save("luoht", "罗海涛", [.technician], skill: 1),
        ]
        let lead = try save("liangzh", "梁振华", [.workshopLead, .technician], skill: 5)
        let manager = try save("zhengjg", "郑建国", [.manager, .advisor])
        return DemoStaff(admin: admin, reception: reception, advisors: advisors, technicians: technicians,
                         lead: lead, manager: manager)
    }
}
