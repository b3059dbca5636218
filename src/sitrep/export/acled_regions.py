"""ACLED's region names by ISO 3166 alpha-3 country code (for the `region` column).

Written from ACLED's published region list. Regions are ACLED's own grouping, close to but not
the same as the UN M49 sub-regions: Iran and Turkey are in the Middle East, Egypt in Northern
Africa, Afghanistan and Pakistan in South Asia. An unknown code gives "".
"""
from __future__ import annotations

_REGIONS = {
    "Middle East": "BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG JPN MAC MNG PRK KOR TWN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "Europe": "ALB AND AUT BLR BEL BIH BGR HRV CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ITA XKX "
              "LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP "
              "SWE CHE UKR GBR VAT GIB FRO IMN JEY GGY",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COD COG GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD TZA UGA "
                      "ZMB ZWE",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "North America": "CAN USA BMU GRL SPM",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "Caribbean": "AIA ATG ABW BHS BRB VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM "
                 "KNA LCA MAF VCT SXM TTO TCA VIR",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PRY PER SUR URY VEN",
    "Oceania": "AUS FJI KIR MHL FSM NRU NZL PLW PNG WSM SLB TON TUV VUT NCL PYF GUM ASM MNP "
               "COK NIU TKL WLF NFK",
    "Antarctica": "ATA",
}

REGION_BY_ISO3 = {code: region for region, codes in _REGIONS.items() for code in codes.split()}


def region(iso3: str | None) -> str:
    return REGION_BY_ISO3.get((iso3 or "").upper(), "")
