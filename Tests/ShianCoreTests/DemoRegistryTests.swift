import Foundation
import Testing

@testable import ShianCore

@Suite("Demo registry")
struct DemoRegistryTests {
    /// 2026-06-15 10:00 in Shanghai.
    static let today = Date(timeIntervalSince1970: 1_781_488_800)
    static let businesses = DemoRegistry.businesses(today: today)
    static let regions = DemoCounty.regions()

    func count(_ category: BusinessCategory) -> Int {
        Self.businesses.filter { $0.category == category }.count
    }

    @Test func countsAndCategoryMix() {
        #expect((2_800...3_200).contains(Self.businesses.count))
        #expect(Set(Self.businesses.map(\.category)) == Set(BusinessCategory.allCases))
        #expect((35...45).contains(count(.schoolCanteen)))
        #expect((25...35).contains(count(.canteen)))
        #expect((10...14).contains(count(.farmersMarket)))
        #expect(count(.wholesaleMarket) == 2)
        #expect((6...10).contains(count(.coldStore)))
        #expect((1...2).contains(count(.centralWarehouse)))
        #expect((50...70).contains(count(.streetVendor)))
        #expect(count(.caterer) > 400 && count(.smallEatery) > 400 && count(.smallGrocery) > 400)
        // The featured brands.
        #expect(Self.businesses.filter { $0.name.hasPrefix("示范县老街羊肉米线") }.count >= 4)
        let korean = ["冷面", "石锅拌饭", "打糕", "烤肉", "朝鲜族风味"]
        #expect(Self.businesses.filter { business in korean.contains { business.name.contains($0) } }.count > 100)
        #expect(Self.businesses.contains { $0.category == .coldStore && $0.regionCode.rawValue.hasPrefix("222499108") })
    }

    @Test func theOperatorAccountsBusinessesComeFirst() {
        let seeds = DemoCounty.businesses()
        for (seed, business) in zip(seeds, Self.businesses) {
            #expect(business.key == seed.key)
            #expect(business.name == seed.name)
            #expect(business.category == seed.category)
            #expect(business.regionCode == seed.regionCode)
            #expect(business.address == seed.address)
            #expect(business.status == .active)
            #expect(business.permitNumber != nil && business.creditCode != nil)
        }
        // The legal representative is the person the operator account is named after.
        for account in DemoCounty.accounts() {
            guard let business = Self.businesses.first(where: { $0.key == account.businessKey }) else { continue }
            #expect(account.displayName.hasSuffix(" " + business.legalRepresentative))
        }
    }

    @Test func keysNamesCreditCodesAndPermitNumbersAreUnique() throws {
        #expect(Set(Self.businesses.map(\.key)).count == Self.businesses.count)
        #expect(Set(Self.businesses.map(\.name)).count == Self.businesses.count)
        let codes = Self.businesses.compactMap(\.creditCode)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(try CreditCode(code.rawValue) == code)
            #expect(code.registrationDivision == "222499")
            #expect(["91", "92", "93", "11", "12"].contains(String(code.rawValue.prefix(2))))
        }
        let permits = Self.businesses.compactMap(\.permitNumber)
        #expect(Set(permits).count == permits.count)
    }

    @Test func someVendorsAndGroceriesHaveNoCreditCode() {
        func missing(_ category: BusinessCategory) -> Double {
            let all = Self.businesses.filter { $0.category == category }
            return Double(all.filter { $0.creditCode == nil }.count) / Double(all.count)
        }
        #expect((0.55...0.85).contains(missing(.streetVendor)))
        #expect((0.2...0.4).contains(missing(.smallGrocery)))
        #expect(Self.businesses.allSatisfy { $0.creditCode != nil || [.streetVendor, .smallGrocery].contains($0.category) })
    }

    @Test func everyBusinessIsInTheTreeAndMostGridsAreBusy() {
        let codes = Set(Self.regions.map(\.code))
        let names = Dictionary(uniqueKeysWithValues: Self.regions.map { ($0.code, $0.name) })
        for business in Self.businesses {
            #expect(codes.contains(business.regionCode), "\(business.key)")
            let township = business.regionCode.lineage.first { $0.level == .township }
            #expect(business.address.hasPrefix("示范县" + (township.flatMap { names[$0] } ?? "?")), "\(business.key)")
        }
        let withoutGrid = Self.businesses.filter { $0.regionCode.level != .grid }
        #expect((20...40).contains(withoutGrid.count))
        let perGrid = Dictionary(grouping: Self.businesses, by: \.regionCode).mapValues(\.count)
        let grids = Self.regions.filter { $0.code.level == .grid }.map(\.code)
        let empty = grids.filter { perGrid[$0] == nil }
        #expect((1...10).contains(empty.count))
        #expect(grids.allSatisfy { perGrid[$0] == nil || perGrid[$0, default: 0] >= 3 })
    }

    @Test func permitsFollowTheJilinRules() {
        for business in Self.businesses {
            let kind = SmallBusinessRules.jilin.permit(for: business.category)
            let number = business.permitNumber ?? ""
            switch kind {
            case .none: #expect(business.permitNumber == nil && business.permitValidUntil == nil)
            case .licence:
                #expect(number.count == 16 && (number.hasPrefix("JY") || number.hasPrefix("SC")), "\(number)")
                #expect(number.hasPrefix("SC") == (business.category == .producer))
            case .registration: #expect(number.hasPrefix("吉食小登（示范）") || number.hasPrefix("吉食坊登（示范）"), "\(number)")
            case .filing: #expect(number.hasPrefix("吉食杂备（示范）") || number.hasPrefix("吉食摊备（示范）"), "\(number)")
            }
            guard kind != .none, let from = business.permitValidFrom, let until = business.permitValidUntil else { continue }
            let years = kind == .licence ? 5 : SmallBusinessRules.jilin.categories[business.category]?.validityYears ?? 3
            #expect(DemoRegistry.validFrom(until: until, years: years) == from)
            #expect(from <= Self.today)
        }
    }

    @Test(arguments: [0, 400, 2_000])
    func expiryBandsArePresent(daysLater: Int) {
        let today = Self.today.addingTimeInterval(Double(daysLater) * 86_400)
        let businesses = DemoRegistry.businesses(today: today)
        let permitted = Double(businesses.filter { $0.permitValidUntil != nil }.count)
        let bands = Dictionary(grouping: businesses) { PermitExpiry.of(validUntil: $0.permitValidUntil, today: today) }
            .mapValues { Double($0.count) / permitted }
        #expect((0.03...0.05).contains(bands[.expired] ?? 0))
        for band in [PermitExpiry.within30Days, .within60Days, .within90Days] {
            #expect((0.02...0.04).contains(bands[band] ?? 0), "\(band)")
        }
        #expect((0.8...0.9).contains(bands[.valid] ?? 0))
    }

    @Test func statusSafetyRolesAreasAndPhones() {
        let share = Dictionary(grouping: Self.businesses, by: \.status).mapValues {
            Double($0.count) / Double(Self.businesses.count)
        }
        #expect((0.92...0.96).contains(share[.active] ?? 0))
        #expect((0.03...0.05).contains(share[.suspended] ?? 0))
        #expect((0.01...0.03).contains(share[.closed] ?? 0))
        let areaRanges: [BusinessCategory: ClosedRange<Double>] = [
            .smallEatery: 10...60, .smallGrocery: 6...40, .smallWorkshop: 20...150, .streetVendor: 2...6,
        ]
        for business in Self.businesses {
            if let range = areaRanges[business.category] {
                #expect(business.areaSquareMetres.map(range.contains) == true, "\(business.key)")
                #expect(business.safetyDirector == nil && business.safetyOfficer == nil)
            } else {
                #expect(business.areaSquareMetres == nil)
            }
            if [.producer, .canteen, .schoolCanteen, .farmersMarket, .coldStore].contains(business.category) {
                #expect(business.safetyDirector != nil && business.safetyOfficer != nil)
            }
            #expect(business.contactPhone.count == 11 && business.contactPhone.hasPrefix("1"))
            #expect(business.contactPhone.allSatisfy { $0.isNumber })
        }
    }

    @Test func deterministic() {
        #expect(DemoRegistry.businesses(today: Self.today) == Self.businesses)
        #expect(DemoRegistry.staff(today: Self.today) == DemoRegistry.staff(today: Self.today))
        #expect(DemoRegistry.cadres(today: Self.today) == DemoRegistry.cadres(today: Self.today))
    }

    @Test func staffCoverMostVillages() {
        let staff = DemoRegistry.staff(today: Self.today)
        let villages = Self.regions.filter { $0.code.level == .village }.map(\.code)
        let grids = Set(Self.regions.filter { $0.code.level == .grid }.map(\.code))
        let assistants = staff.filter { $0.kind == .assistant }
        #expect(assistants.allSatisfy { $0.regionCode.level == .village && villages.contains($0.regionCode) })
        #expect(Set(assistants.map(\.regionCode)).count == assistants.count, "at most one assistant per village")
        let vacant = villages.filter { village in !assistants.contains { $0.regionCode == village } }
        #expect((1...15).contains(vacant.count))
        let informants = staff.filter { $0.kind == .informant }
        #expect(informants.allSatisfy { grids.contains($0.regionCode) })
        let perVillage = Dictionary(grouping: informants) { $0.regionCode.parent }.mapValues(\.count)
        #expect(perVillage.values.allSatisfy { (1...3).contains($0) })
        #expect(informants.count > 150)
        #expect(assistants.allSatisfy { (40_000...80_000).contains($0.annualSubsidyFen) })
        #expect(informants.allSatisfy { (20_000...40_000).contains($0.annualSubsidyFen) })
        #expect(staff.contains { $0.trainedOn == nil } && staff.contains { $0.trainedOn != nil })
        for person in staff {
            #expect(person.appointedOn <= Self.today)
            if let trained = person.trainedOn { #expect(trained >= person.appointedOn && trained <= Self.today) }
        }
    }

    @Test func cadresAnswerForExistingBusinesses() {
        let cadres = DemoRegistry.cadres(today: Self.today)
        #expect((35...45).contains(cadres.count))
        let keys = Set(Self.businesses.map(\.key))
        let assigned = cadres.flatMap(\.businessKeys)
        #expect(assigned.allSatisfy(keys.contains))
        #expect(Set(assigned).count == assigned.count, "no business has two cadres")
        #expect(cadres.allSatisfy { (3...15).contains($0.businessKeys.count) })
        let unsigned = cadres.filter { $0.pledgeSignedOn == nil }.count
        #expect((1...6).contains(unsigned))
        let codes = Set(Self.regions.map(\.code))
        #expect(cadres.allSatisfy { codes.contains($0.regionCode) })
        #expect(cadres.contains { $0.regionCode == DemoCounty.countyCode })
        #expect(cadres.contains { $0.regionCode.level == .township })
    }
}
