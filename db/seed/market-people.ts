/** Word lists for the demo market: places, names and companies. */
import type { LanguageEntry } from "../../worker/domain/profiles/languages";

export interface Place {
  country: string;
  timezone: string;
  cities: string[];
  first: string[];
  last: string[];
  languages: LanguageEntry[];
}

export const PLACES: Place[] = [
  {
    country: "US",
    timezone: "America/New_York",
    cities: ["New York", "Boston", "Atlanta"],
    first: ["Emily", "Michael", "Jessica", "David", "Ashley", "James"],
    last: ["Johnson", "Miller", "Davis", "Wilson", "Moore"],
    languages: [
      { code: "en", level: "native" },
      { code: "es", level: "conversational" },
    ],
  },
  {
    country: "US",
    timezone: "America/Los_Angeles",
    cities: ["San Francisco", "Seattle", "Los Angeles"],
    first: ["Ryan", "Megan", "Tyler", "Lauren", "Kevin"],
    last: ["Anderson", "Thompson", "Garcia", "Martinez", "Clark"],
    languages: [{ code: "en", level: "native" }],
  },
  {
    country: "CA",
    timezone: "America/Toronto",
    cities: ["Toronto", "Ottawa", "Montreal"],
    first: ["Liam", "Chloe", "Noah", "Olivia", "Ethan"],
    last: ["Tremblay", "Roy", "MacDonald", "Campbell", "Nguyen"],
    languages: [
      { code: "en", level: "native" },
      { code: "fr", level: "conversational" },
    ],
  },
  {
    country: "GB",
    timezone: "Europe/London",
    cities: ["London", "Manchester", "Bristol", "Edinburgh"],
    first: ["Oliver", "Amelia", "Harry", "Isla", "George", "Sophie"],
    last: ["Smith", "Taylor", "Brown", "Evans", "Walker", "Hughes"],
    languages: [{ code: "en", level: "native" }],
  },
  {
    country: "DE",
    timezone: "Europe/Berlin",
    cities: ["Berlin", "Munich", "Hamburg", "Cologne"],
    first: ["Lukas", "Lena", "Jonas", "Anna", "Felix", "Mia"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber"],
    languages: [
      { code: "de", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "FR",
    timezone: "Europe/Paris",
    cities: ["Paris", "Lyon", "Toulouse"],
    first: ["Louis", "Camille", "Hugo", "Léa", "Jules"],
    last: ["Martin", "Bernard", "Dubois", "Moreau", "Laurent"],
    languages: [
      { code: "fr", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "ES",
    timezone: "Europe/Madrid",
    cities: ["Madrid", "Barcelona", "Valencia"],
    first: ["Pablo", "Lucía", "Javier", "Carmen", "Diego"],
    last: ["García", "Fernández", "López", "Sánchez", "Romero"],
    languages: [
      { code: "es", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "NL",
    timezone: "Europe/Amsterdam",
    cities: ["Amsterdam", "Rotterdam", "Utrecht"],
    first: ["Daan", "Emma", "Sem", "Julia", "Lars"],
    last: ["de Jong", "Jansen", "de Vries", "Bakker", "Visser"],
    languages: [
      { code: "nl", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "PL",
    timezone: "Europe/Warsaw",
    cities: ["Warsaw", "Kraków", "Wrocław"],
    first: ["Jakub", "Zuzanna", "Kacper", "Maja", "Piotr"],
    last: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński"],
    languages: [
      { code: "pl", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "UA",
    timezone: "Europe/Kyiv",
    cities: ["Kyiv", "Lviv", "Kharkiv"],
    first: ["Oleksandr", "Olena", "Dmytro", "Iryna", "Andriy"],
    last: ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko"],
    languages: [
      { code: "uk", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "PK",
    timezone: "Asia/Karachi",
    cities: ["Lahore", "Karachi", "Islamabad"],
    first: ["Ahmed", "Ayesha", "Bilal", "Fatima", "Hamza", "Zainab"],
    last: ["Khan", "Malik", "Qureshi", "Siddiqui", "Butt", "Chaudhry"],
    languages: [
      { code: "ur", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "IN",
    timezone: "Asia/Kolkata",
    cities: ["Bengaluru", "Pune", "Hyderabad", "Delhi"],
    first: ["Arjun", "Priya", "Rohan", "Ananya", "Vikram", "Sneha"],
    last: ["Sharma", "Patel", "Iyer", "Reddy", "Gupta", "Nair"],
    languages: [
      { code: "hi", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "BD",
    timezone: "Asia/Dhaka",
    cities: ["Dhaka", "Chittagong"],
    first: ["Tanvir", "Nusrat", "Rafi", "Sadia"],
    last: ["Rahman", "Hossain", "Islam", "Chowdhury"],
    languages: [
      { code: "bn", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "PH",
    timezone: "Asia/Manila",
    cities: ["Manila", "Cebu", "Davao"],
    first: ["Mark", "Angelica", "John Paul", "Kristine", "Carlo"],
    last: ["Santos", "Reyes", "Cruz", "Bautista", "Garcia"],
    languages: [
      { code: "tl", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "VN",
    timezone: "Asia/Ho_Chi_Minh",
    cities: ["Ho Chi Minh City", "Hanoi", "Da Nang"],
    first: ["Minh", "Linh", "Huy", "Trang"],
    last: ["Nguyen", "Tran", "Le", "Pham"],
    languages: [
      { code: "vi", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "NG",
    timezone: "Africa/Lagos",
    cities: ["Lagos", "Abuja", "Ibadan"],
    first: ["Chinedu", "Adaeze", "Tunde", "Ngozi", "Emeka"],
    last: ["Okafor", "Adeyemi", "Okoro", "Balogun", "Eze"],
    languages: [
      { code: "en", level: "native" },
      { code: "yo", level: "conversational" },
    ],
  },
  {
    country: "KE",
    timezone: "Africa/Nairobi",
    cities: ["Nairobi", "Mombasa"],
    first: ["Brian", "Wanjiru", "Kevin", "Achieng"],
    last: ["Otieno", "Kamau", "Mwangi", "Odhiambo"],
    languages: [
      { code: "en", level: "native" },
      { code: "sw", level: "conversational" },
    ],
  },
  {
    country: "EG",
    timezone: "Africa/Cairo",
    cities: ["Cairo", "Alexandria"],
    first: ["Omar", "Nour", "Youssef", "Mariam"],
    last: ["Hassan", "Mahmoud", "Ibrahim", "Salem"],
    languages: [
      { code: "ar", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "AE",
    timezone: "Asia/Dubai",
    cities: ["Dubai", "Abu Dhabi"],
    first: ["Khalid", "Layla", "Saeed", "Hessa"],
    last: ["Al Mansoori", "Al Hashimi", "Al Suwaidi"],
    languages: [
      { code: "ar", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "BR",
    timezone: "America/Sao_Paulo",
    cities: ["São Paulo", "Rio de Janeiro", "Belo Horizonte"],
    first: ["Lucas", "Beatriz", "Gabriel", "Mariana", "Rafael"],
    last: ["Silva", "Santos", "Oliveira", "Souza", "Costa"],
    languages: [
      { code: "pt", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "AR",
    timezone: "America/Argentina/Buenos_Aires",
    cities: ["Buenos Aires", "Córdoba", "Rosario"],
    first: ["Santiago", "Valentina", "Mateo", "Martina"],
    last: ["González", "Rodríguez", "Fernández", "Pérez"],
    languages: [
      { code: "es", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "MX",
    timezone: "America/Mexico_City",
    cities: ["Mexico City", "Guadalajara", "Monterrey"],
    first: ["José", "Ximena", "Luis", "Fernanda"],
    last: ["Hernández", "Ramírez", "Torres", "Flores"],
    languages: [
      { code: "es", level: "native" },
      { code: "en", level: "fluent" },
    ],
  },
  {
    country: "AU",
    timezone: "Australia/Sydney",
    cities: ["Sydney", "Melbourne", "Brisbane"],
    first: ["Jack", "Charlotte", "William", "Ruby"],
    last: ["Williams", "Jones", "Kelly", "Murphy"],
    languages: [{ code: "en", level: "native" }],
  },
  {
    country: "SG",
    timezone: "Asia/Singapore",
    cities: ["Singapore"],
    first: ["Wei Jie", "Hui Min", "Jun Hao", "Xin Yi"],
    last: ["Tan", "Lim", "Lee", "Ng"],
    languages: [
      { code: "en", level: "native" },
      { code: "zh", level: "conversational" },
    ],
  },
];

/** Clients come mostly from these markets. */
export const CLIENT_COUNTRIES = ["US", "US", "GB", "DE", "CA", "AU", "NL", "FR", "AE", "SG", "ES"];

export const COMPANY_FIRST = [
  "Blue",
  "North",
  "Bright",
  "Silver",
  "Green",
  "Summit",
  "Cedar",
  "Harbor",
  "Atlas",
  "Nova",
  "Maple",
  "Orbit",
  "Pine",
  "Lumen",
  "Vertex",
  "Beacon",
];
export const COMPANY_SECOND = [
  "Labs",
  "Works",
  "Digital",
  "Studio",
  "Health",
  "Logistics",
  "Retail",
  "Analytics",
  "Media",
  "Foods",
  "Travel",
  "Finance",
  "Learning",
  "Homes",
];
export const COMPANY_SUFFIX = ["", " Ltd", " Inc.", " GmbH", " LLC", " Co."];
export const INDUSTRIES = [
  "fintech",
  "healthcare",
  "e-commerce",
  "logistics",
  "education",
  "real estate",
  "travel",
  "media",
  "non-profit",
  "food and beverage",
  "fitness",
  "gaming",
  "legal services",
  "manufacturing",
  "SaaS",
];
