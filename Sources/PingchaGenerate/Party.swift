import PingchaModel

/// The party of a case (当事人 / 行政相对人): a natural person with a resident ID number and
/// a mobile phone, a company with a unified social credit code, or an individual business.
///
/// Every name and number is made up from parts; ID and credit-code numbers carry valid check
/// characters so that ingestion rules that verify them see well-formed data, and none is a
/// real person's (the sequence part is random).
struct Party {
    var kind: PartyKind
    /// Natural person: surname and given-name indices, or a minority full name when
    /// `minorityName` ≥ 0. Organisations: the parts of the name.
    var namePart1 = 0, namePart2 = 0, namePart3 = 0
    var minorityName = -1
    /// A brand written in quotes (克拉玛依市"恒泰"商贸有限公司): exercises CSV quoting.
    var quotedBrand = false
    var district = 0
    /// ID number parts: region code, birth date, 3-digit sequence.
    var birth = CivilDate(dayNumber: 0)
    var sequence = 0
    /// Credit-code organisation body: 8 characters, 5 bits each, from ``creditAlphabet``.
    var orgBody: UInt64 = 0
    var phone: UInt64 = 0
    /// 0990 landline instead of a mobile.
    var landline = false

    static func make(kind: PartyKind, district: Int, rng: inout CaseRandom) -> Party {
        var p = Party(kind: kind)
        p.district = district
        switch kind {
        case .naturalPerson:
            // About one in eight residents here has a Uyghur, Kazakh or other minority name.
            if rng.chance(0.12) {
                p.minorityName = rng.below(minorityNames.count)
            } else {
                p.namePart1 = rng.below(surnames.count)
                p.namePart2 = rng.below(givenNames.count)
            }
            let year = rng.int(1955...2004)
            p.birth = CivilDate(year: year, month: 1, day: 1)!.adding(days: rng.below(365))
            p.sequence = rng.int(1...999)
            p.phone = mobile(&rng)
        case .legalPerson:
            p.namePart1 = rng.below(brands.count)
            p.namePart2 = rng.below(industries.count)
            p.namePart3 = rng.below(companyForms.count)
            p.quotedBrand = rng.chance(0.01)
            p.orgBody = orgCodeBody(&rng)
            p.landline = rng.chance(0.4)
            p.phone = p.landline ? UInt64(rng.int(6_000_000...6_999_999)) : mobile(&rng)
        case .otherOrganisation:
            p.namePart1 = rng.below(surnames.count)
            p.namePart2 = rng.below(shopKinds.count)
            p.orgBody = orgCodeBody(&rng)
            p.phone = mobile(&rng)
        }
        return p
    }

    // MARK: Writing

    func appendName(to out: inout [UInt8]) {
        switch kind {
        case .naturalPerson:
            if minorityName >= 0 {
                out.append(contentsOf: Party.minorityNamesUTF8[minorityName])
            } else {
                out.append(contentsOf: Party.surnamesUTF8[namePart1])
                out.append(contentsOf: Party.givenNamesUTF8[namePart2])
            }
        case .legalPerson:
            out.append(contentsOf: Party.cityPrefix)
            if quotedBrand { out.append(0x22) }
            out.append(contentsOf: Party.brandsUTF8[namePart1])
            if quotedBrand { out.append(0x22) }
            out.append(contentsOf: Party.industriesUTF8[namePart2])
            out.append(contentsOf: Party.companyFormsUTF8[namePart3])
        case .otherOrganisation:
            out.append(contentsOf: District.utf8[district])
            out.append(contentsOf: Party.surnamesUTF8[namePart1])
            out.append(contentsOf: Party.shopKindsUTF8[namePart2])
        }
    }

    /// The 18-character resident ID number (GB 11643) or unified social credit code (GB 32100).
    func appendIdentifier(to out: inout [UInt8]) {
        if kind == .naturalPerson { appendResidentId(to: &out) } else { appendCreditCode(to: &out) }
    }

    func appendResidentId(to out: inout [UInt8]) {
        let start = out.count
        Digits.append(District.divisionCodes[district], width: 6, to: &out)
        let (y, m, d) = birth.components
        Digits.append(y, width: 4, to: &out)
        Digits.append(m, width: 2, to: &out)
        Digits.append(d, width: 2, to: &out)
        Digits.append(sequence, width: 3, to: &out)
        out.append(Party.residentIdCheck(out[start..<(start + 17)]))
    }

    /// GB 11643 check character: weights 2^(17-i) mod 11, then the table `10X98765432`.
    static func residentIdCheck(_ digits: ArraySlice<UInt8>) -> UInt8 {
        var sum = 0
        for (i, b) in digits.enumerated() { sum += Int(b - 0x30) * residentIdWeights[i] }
        return Array("10X98765432".utf8)[sum % 11]
    }

    static let residentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    func appendCreditCode(to out: inout [UInt8]) {
        let start = out.count
        out.append(0x39)  // 9: registered by market regulation
        out.append(kind == .legalPerson ? 0x31 : 0x32)  // 1 enterprise, 2 individual business
        Digits.append(District.divisionCodes[district], width: 6, to: &out)
        for i in 0..<8 { out.append(Party.creditAlphabet[Int((orgBody >> (5 * UInt64(i))) & 31)]) }
        out.append(Party.organisationCodeCheck(out[(start + 8)..<(start + 16)]))
        out.append(Party.creditCodeCheck(out[start..<(start + 17)]))
    }

    /// GB 11714 check of the 9-character organisation code inside the credit code.
    static func organisationCodeCheck(_ chars: ArraySlice<UInt8>) -> UInt8 {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (i, c) in chars.enumerated() {
            // GB 11714 values letters A–Z as 10–35, not by their place in the credit alphabet.
            let v = c <= 0x39 ? Int(c - 0x30) : Int(c - 0x41) + 10
            sum += v * weights[i]
        }
        let check = 11 - sum % 11
        switch check {
        case 10: return UInt8(ascii: "X")
        case 11: return UInt8(ascii: "0")
        default: return UInt8(0x30 + check)
        }
    }

    /// GB 32100 check character over the 31-character alphabet, weights 3^i mod 31.
    static func creditCodeCheck(_ chars: ArraySlice<UInt8>) -> UInt8 {
        var sum = 0
        var weight = 1
        for c in chars {
            sum += creditValue(c) * weight
            weight = weight * 3 % 31
        }
        return creditAlphabet[(31 - sum % 31) % 31]
    }

    static func creditValue(_ c: UInt8) -> Int { Int(creditValues[Int(c & 0x7F)]) }

    /// Character → value in ``creditAlphabet`` (ASCII-indexed).
    static let creditValues: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for (i, c) in creditAlphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// The credit-code alphabet: digits and capitals without I, O, S, V, Z.
    static let creditAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

    func appendPhone(to out: inout [UInt8]) {
        if landline {
            out.append(contentsOf: Party.areaCode)
            Digits.append(Int(phone), width: 7, to: &out)
        } else {
            Digits.append(Int(phone), width: 11, to: &out)
        }
    }

    // MARK: Parts

    private static func mobile(_ rng: inout CaseRandom) -> UInt64 {
        let prefix = mobilePrefixes[rng.below(mobilePrefixes.count)]
        return UInt64(prefix) * 100_000_000 + UInt64(rng.below(100_000_000))
    }

    /// Newer codes start with MA and continue with letters and digits; older ones are digits.
    private static func orgCodeBody(_ rng: inout CaseRandom) -> UInt64 {
        var values = [Int](repeating: 0, count: 8)
        if rng.chance(0.6) {
            values[0] = creditAlphabet.firstIndex(of: UInt8(ascii: "M"))!
            values[1] = creditAlphabet.firstIndex(of: UInt8(ascii: "A"))!
            for i in 2..<8 { values[i] = rng.below(31) }
        } else {
            for i in 0..<8 { values[i] = rng.below(10) }
        }
        var body: UInt64 = 0
        for i in 0..<8 { body |= UInt64(values[i]) << (5 * UInt64(i)) }
        return body
    }

    static let mobilePrefixes = [130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155,
                                 156, 157, 158, 159, 166, 177, 180, 181, 182, 183, 186, 187, 188, 189, 199]
    static let areaCode = Array("0990-".utf8)
    static let cityPrefix = Array("克拉玛依市".utf8)

    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱",
                           "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
                           "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶",
                           "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆",
                           "汪", "范", "金", "石", "贾", "韦", "方", "白", "孟", "秦", "江", "闫", "段", "雷",
                           "侯", "史", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴", "孔",
                           "欧阳", "司马"]
    static let givenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
                             "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强",
                             "海燕", "晓东", "文博", "子涵", "浩然", "宇轩", "欣怡", "建国", "玉梅", "红霞",
                             "新疆", "天山", "立新", "卫东", "春燕", "国庆", "雪梅", "俊杰", "佳怡", "梓轩",
                             "鹏", "斌", "辉", "凤英", "淑珍", "振华", "德明", "晓燕", "丽娟", "海峰"]
    static let minorityNames = ["买买提·吐尔逊", "阿依古丽·热合曼", "努尔兰·别克", "古丽米拉·阿不都",
                                "艾力·买买提", "热依拉·艾山", "叶尔兰·哈力木", "阿迪力·吾斯曼",
                                "迪丽努尔·卡德尔", "巴合提别克·努尔", "木合塔尔·艾则孜", "帕提古丽·依明"]
    static let brands = ["鑫源", "恒泰", "金石", "油城", "天山", "准噶尔", "瑞丰", "华通", "宏达", "盛世",
                         "博远", "新科", "石化", "西域", "昆仑", "丝路", "金龙", "信达", "众诚", "佳禾",
                         "润泽", "汇丰源", "白杨", "魔鬼城", "九龙潭", "银河"]
    static let industries = ["商贸", "餐饮管理", "石油技术服务", "运输", "建筑工程", "化工", "环保科技",
                             "物业服务", "医药连锁", "农业开发", "文化传媒", "汽车维修", "能源", "房地产开发",
                             "劳务", "网络科技", "旅游开发", "食品", "装饰工程", "油田工程"]
    static let companyForms = ["有限公司", "有限责任公司", "股份有限公司", "分公司"]
    static let shopKinds = ["记烧烤店", "氏便利店", "记汽车修理部", "记网吧", "记诊所", "记拉面馆",
                            "记五金店", "记农资店", "记理发店", "记超市", "记干洗店", "记棋牌室"]

    static let surnamesUTF8 = surnames.map { Array($0.utf8) }
    static let givenNamesUTF8 = givenNames.map { Array($0.utf8) }
    static let minorityNamesUTF8 = minorityNames.map { Array($0.utf8) }
    static let brandsUTF8 = brands.map { Array($0.utf8) }
    static let industriesUTF8 = industries.map { Array($0.utf8) }
    static let companyFormsUTF8 = companyForms.map { Array($0.utf8) }
    static let shopKindsUTF8 = shopKinds.map { Array($0.utf8) }
}

/// Decimal digits straight into a byte buffer.
enum Digits {
    /// `value` (≥ 0) zero-padded to at least `width` digits.
    @inline(__always)
    static func append(_ value: Int, width: Int = 1, to out: inout [UInt8]) {
        var v = value
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { buf in
            repeat {
                buf[19 - n] = UInt8(0x30 + v % 10)
                v /= 10
                n += 1
            } while v > 0 && n < 20
            while n < width && n < 20 {
                buf[19 - n] = 0x30
                n += 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[(20 - n)...]))
        }
    }
}
