/// Realistic Chinese names, phones and plates for a Guangdong shop.
enum PeopleFactory {
    /// Common surnames, most frequent first (weighted by repetition at the front).
    static let surnames: [String] = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
        + ["欧阳", "司马", "上官"]
    static let givenChars: [String] = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文斌晓东海燕红梅玉兰俊杰子涵浩然欣怡宇轩梓萱雨萱一诺思远嘉怡佳豪家乐婷婷晨曦天佑").map(String.init)

    static func name(_ rng: inout SeededRandom) -> String {
        let surname = rng.chance(0.97) ? surnames[min(rng.int(0..<surnames.count - 3), rng.int(0..<surnames.count - 3))] : rng.pick(surnames)
        // Many Chinese names have two characters; about a third have three.
        let given = rng.chance(0.35) ? rng.pick(givenChars) : rng.pick(givenChars) + rng.pick(givenChars)
        return surname + given
    }

    static let mobilePrefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                                 "155", "156", "158", "159", "166", "176", "177", "180", "181", "186", "187", "188",
                                 "189", "191", "195", "198", "199"]

    static func mobile(_ rng: inout SeededRandom) -> String {
        var s = rng.pick(mobilePrefixes)
        for _ in 0..<8 { s += String(rng.int(0...9)) }
        return s
    }

    static func landline(_ rng: inout SeededRandom) -> String {
        var s = rng.chance(0.7) ? "020-" : "0755-"
        s += String(rng.int(2...8))
        for _ in 0..<7 { s += String(rng.int(0...9)) }
        return s
    }

    static let plateLetters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ").map(String.init)
    static let plateBody = Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789").map(String.init)

    /// Mostly Guangzhou (粤A) and Shenzhen (粤B), a few from elsewhere; about one in six new-energy.
    static func plate(_ rng: inout SeededRandom) -> String {
        let prefix: String
        switch rng.int(0..<20) {
        case 0..<11: prefix = "粤A"
        case 11..<16: prefix = "粤B"
        case 16..<18: prefix = "粤" + rng.pick(["C", "E", "S", "T"])
        default: prefix = rng.pick(["湘", "桂", "赣", "闽"]) + rng.pick(["A", "B", "K"])
        }
        if rng.chance(0.16) {
            var body = rng.pick(["D", "F"])
            for _ in 0..<5 { body += String(rng.int(0...9)) }
            return prefix + body
        }
        var body = ""
        for i in 0..<5 { body += i < 2 && rng.chance(0.3) ? rng.pick(plateLetters) : String(rng.int(0...9)) }
        return prefix + body
    }
}
