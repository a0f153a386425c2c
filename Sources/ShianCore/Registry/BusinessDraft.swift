import Foundation

/// A business record as typed (in a form, a JSON body or an import row), validated field by field.
/// Every problem is collected, so an import can report all of a row's errors at once.
public struct BusinessDraft: Sendable, Equatable {
    public var name: String
    public var creditCode: CreditCode?
    public var category: BusinessCategory
    public var regionCode: RegionCode
    public var address: String
    public var legalRepresentative: String?
    public var contactPhone: String?
    public var safetyDirector: String?
    public var safetyOfficer: String?
    public var status: BusinessStatus
    public var permitKind: PermitKind
    public var permitNumber: String?
    public var permitValidFrom: Date?
    public var permitValidUntil: Date?
    public var areaSquareMetres: Double?

    /// The fields, by their API names: name, creditCode, category, gridCode, address,
    /// legalRepresentative, contactPhone, safetyDirector, safetyOfficer, status, permitNumber,
    /// permitValidFrom, permitValidUntil (YYYY-MM-DD), areaSquareMetres. Empty text counts as absent.
    public static func validate(_ fields: [String: String], rules: SmallBusinessRules) -> Result<BusinessDraft, Failures> {
        var failures: [ValidationFailure] = []
        func text(_ key: String) -> String? {
            let value = fields[key]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return value.isEmpty ? nil : value
        }
        func bounded(_ key: String, max: Int, required: Bool = false) -> String? {
            guard let value = text(key) else {
                if required { failures.append(ValidationFailure(code: "fieldRequired", field: key, arguments: [key])) }
                return nil
            }
            if value.count > max {
                failures.append(ValidationFailure(code: "textTooLong", field: key, arguments: [String(max)]))
            }
            return value
        }
        func date(_ key: String) -> Date? {
            guard let value = text(key) else { return nil }
            guard let parsed = Self.parseDate(value) else {
                failures.append(ValidationFailure(code: "dateInvalid", field: key, arguments: [value]))
                return nil
            }
            return parsed
        }

        let name = bounded("name", max: 100, required: true)
        let address = bounded("address", max: 200, required: true)
        var creditCode: CreditCode?
        if let raw = text("creditCode") {
            do { creditCode = try CreditCode(raw) } catch { failures.append(error) }
        }
        var category: BusinessCategory?
        if let raw = text("category") {
            category = BusinessCategory(rawValue: raw) ?? BusinessCategory.byChineseName[raw]
            if category == nil { failures.append(ValidationFailure(code: "categoryInvalid", field: "category", arguments: [raw])) }
        } else {
            failures.append(ValidationFailure(code: "fieldRequired", field: "category", arguments: ["category"]))
        }
        var regionCode: RegionCode?
        if let raw = text("gridCode") {
            do {
                let code = try RegionCode(raw)
                if code.level < .township {
                    failures.append(ValidationFailure(code: "gridCodeTooWide", field: "gridCode", arguments: [raw]))
                } else {
                    regionCode = code
                }
            } catch {
                failures.append(ValidationFailure(code: error.code, field: "gridCode", arguments: error.arguments))
            }
        } else {
            failures.append(ValidationFailure(code: "fieldRequired", field: "gridCode", arguments: ["gridCode"]))
        }
        let legalRepresentative = bounded("legalRepresentative", max: 50)
        var contactPhone = bounded("contactPhone", max: 20)
        if let phone = contactPhone, !Self.isPhone(phone) {
            failures.append(ValidationFailure(code: "phoneInvalid", field: "contactPhone"))
            contactPhone = nil
        }
        let safetyDirector = bounded("safetyDirector", max: 50)
        let safetyOfficer = bounded("safetyOfficer", max: 50)
        var status = BusinessStatus.active
        if let raw = text("status") {
            if let value = BusinessStatus(rawValue: raw) ?? BusinessStatus.byChineseName[raw] {
                status = value
            } else {
                failures.append(ValidationFailure(code: "statusInvalid", field: "status", arguments: [raw]))
            }
        }
        let permitNumber = bounded("permitNumber", max: 60)
        let validFrom = date("permitValidFrom")
        let validUntil = date("permitValidUntil")
        if let validFrom, let validUntil, validUntil < validFrom {
            failures.append(ValidationFailure(code: "permitEndsBeforeStart", field: "permitValidUntil"))
        }
        var area: Double?
        if let raw = text("areaSquareMetres") {
            if let value = Double(raw) {
                area = value
                if let category {
                    do { try rules.checkArea(value, category: category) } catch { failures.append(error) }
                }
            } else {
                failures.append(ValidationFailure(code: "numberInvalid", field: "areaSquareMetres", arguments: [raw]))
            }
        }

        guard failures.isEmpty, let name, let address, let category, let regionCode else {
            return .failure(Failures(failures: failures))
        }
        return .success(BusinessDraft(
            name: name, creditCode: creditCode, category: category, regionCode: regionCode, address: address,
            legalRepresentative: legalRepresentative, contactPhone: contactPhone, safetyDirector: safetyDirector,
            safetyOfficer: safetyOfficer, status: status, permitKind: rules.permit(for: category), permitNumber: permitNumber,
            permitValidFrom: validFrom, permitValidUntil: validUntil, areaSquareMetres: area))
    }

    /// All the problems of one record.
    public struct Failures: Error, Equatable, Sendable {
        public let failures: [ValidationFailure]
    }

    /// Mobile numbers (11 digits from 1) or landlines such as 0433-1234567.
    public static func isPhone(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber)
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == " ") }) else { return false }
        if digits.count == 11, digits.first == "1", !text.contains("-") { return true }
        return text.contains("-") && (10...12).contains(digits.count)
    }

    /// Calendar days as YYYY-MM-DD (also YYYY/MM/DD and YYYY.MM.DD from spreadsheets, and Excel's day
    /// serial numbers, which a workbook stores for a cell typed as a date), at midnight in Asia/Shanghai.
    public static func parseDate(_ text: String) -> Date? {
        // Excel counts days from 1899-12-30; 20000…80000 spans 1954–2119.
        if let serial = Int(text), (20_000...80_000).contains(serial),
            let epoch = Calendar.shanghai.date(from: DateComponents(year: 1899, month: 12, day: 30))
        {
            return Calendar.shanghai.date(byAdding: .day, value: serial, to: epoch)
        }
        let parts = text.split(whereSeparator: { "-/.".contains($0) }).map(String.init)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = Calendar.shanghai.date(from: components),
            Calendar.shanghai.component(.day, from: date) == day
        else { return nil }
        return date
    }
}

extension BusinessCategory {
    /// The Chinese names an import may use instead of the code names.
    public static let byChineseName: [String: BusinessCategory] = [
        "食品生产": .producer, "食品生产企业": .producer, "生产": .producer, "食品销售": .retailer, "销售": .retailer, "餐饮服务": .caterer, "餐饮": .caterer,
        "单位食堂": .canteen, "学校食堂": .schoolCanteen, "小作坊": .smallWorkshop, "食品小作坊": .smallWorkshop,
        "小餐饮": .smallEatery, "小餐饮店": .smallEatery, "小食杂店": .smallGrocery, "食品摊贩": .streetVendor, "摊贩": .streetVendor,
        "冷库": .coldStore, "农贸市场": .farmersMarket, "批发市场": .wholesaleMarket, "农产品生产者": .farmProducer,
        "种养殖户": .farmProducer, "食用农产品生产者": .farmProducer, "集中监管仓": .centralWarehouse,
    ]
}

extension BusinessStatus {
    public static let byChineseName: [String: BusinessStatus] = ["正常": .active, "在营": .active, "停业": .suspended, "注销": .closed, "已歇业": .closed]
}
