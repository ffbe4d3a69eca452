/** What each category's clients ask for, and what it typically pays. */
export interface CategoryProfile {
  role: string;
  things: string[];
  /** Typical fixed budgets and hourly rates in major units. */
  fixed: [number, number];
  hourly: [number, number];
}

export const CATEGORY_PROFILES: Record<string, CategoryProfile> = {
  "web-development": {
    role: "web developer",
    things: [
      "customer portal",
      "marketing website",
      "booking system",
      "admin dashboard",
      "online store",
      "landing page",
      "SaaS MVP",
      "membership site",
    ],
    fixed: [300, 15000],
    hourly: [20, 120],
  },
  "mobile-development": {
    role: "mobile developer",
    things: [
      "iOS and Android app",
      "food delivery app",
      "fitness tracking app",
      "app prototype",
      "app store release",
      "offline-first field app",
    ],
    fixed: [1000, 30000],
    hourly: [25, 130],
  },
  "software-backend": {
    role: "backend engineer",
    things: ["REST API", "payment integration", "data import service", "microservice", "job queue", "authentication service"],
    fixed: [500, 20000],
    hourly: [30, 150],
  },
  "data-science-analytics": {
    role: "data analyst",
    things: ["sales dashboard", "churn analysis", "customer segmentation", "KPI report", "A/B test analysis", "demand forecast"],
    fixed: [300, 8000],
    hourly: [25, 120],
  },
  "ai-machine-learning": {
    role: "machine learning engineer",
    things: [
      "recommendation model",
      "support chatbot",
      "document classifier",
      "image recognition pipeline",
      "LLM integration",
      "fraud detection model",
    ],
    fixed: [1000, 30000],
    hourly: [40, 200],
  },
  "devops-cloud": {
    role: "DevOps engineer",
    things: [
      "CI/CD pipeline",
      "Kubernetes cluster",
      "cloud cost review",
      "infrastructure as code setup",
      "monitoring stack",
      "cloud migration",
    ],
    fixed: [500, 15000],
    hourly: [35, 160],
  },
  "ui-ux-design": {
    role: "product designer",
    things: ["mobile app redesign", "design system", "user research study", "onboarding flow", "dashboard UI", "clickable prototype"],
    fixed: [400, 12000],
    hourly: [25, 120],
  },
  "graphic-design-branding": {
    role: "brand designer",
    things: ["logo and brand identity", "packaging design", "pitch deck", "social media kit", "brochure", "brand guidelines"],
    fixed: [100, 5000],
    hourly: [15, 90],
  },
  "video-animation": {
    role: "video editor",
    things: [
      "explainer video",
      "YouTube channel edits",
      "product demo video",
      "2D animation",
      "event highlight film",
      "motion graphics intro",
    ],
    fixed: [150, 8000],
    hourly: [20, 100],
  },
  "writing-content": {
    role: "content writer",
    things: ["blog article series", "website copy", "technical documentation", "email newsletter", "customer case studies", "ebook"],
    fixed: [50, 3000],
    hourly: [15, 80],
  },
  "translation-languages": {
    role: "translator",
    things: [
      "website localization",
      "legal document translation",
      "app string translation",
      "subtitle translation",
      "marketing copy adaptation",
      "user manual translation",
    ],
    fixed: [50, 4000],
    hourly: [15, 70],
  },
  "marketing-seo": {
    role: "marketing specialist",
    things: [
      "SEO audit",
      "paid search campaign",
      "content strategy",
      "social media campaign",
      "email automation",
      "link building campaign",
    ],
    fixed: [200, 6000],
    hourly: [20, 110],
  },
  "sales-customer-support": {
    role: "sales and support specialist",
    things: [
      "lead generation list",
      "customer support inbox",
      "CRM cleanup",
      "cold email outreach",
      "help center articles",
      "live chat coverage",
    ],
    fixed: [100, 3000],
    hourly: [10, 50],
  },
  "admin-virtual-assistance": {
    role: "virtual assistant",
    things: [
      "inbox and calendar management",
      "data entry project",
      "travel planning",
      "market research",
      "bookkeeping support",
      "document formatting",
    ],
    fixed: [50, 2000],
    hourly: [8, 40],
  },
  "finance-accounting": {
    role: "accountant",
    things: [
      "monthly bookkeeping",
      "financial model",
      "tax return preparation",
      "cash flow forecast",
      "payroll setup",
      "audit preparation",
    ],
    fixed: [150, 6000],
    hourly: [25, 140],
  },
  legal: {
    role: "lawyer",
    things: [
      "terms of service",
      "privacy policy review",
      "contract review",
      "trademark filing",
      "employment agreement",
      "data protection review",
    ],
    fixed: [200, 8000],
    hourly: [50, 300],
  },
  "engineering-architecture": {
    role: "engineer",
    things: ["CAD drawings", "3D product model", "floor plan", "structural calculation", "PCB design", "interior rendering"],
    fixed: [200, 12000],
    hourly: [30, 150],
  },
  "blockchain-web3": {
    role: "smart contract developer",
    things: ["token contract", "NFT marketplace", "smart contract audit", "DeFi dashboard", "wallet integration", "DAO voting app"],
    fixed: [1000, 40000],
    hourly: [50, 250],
  },
  "cybersecurity-qa": {
    role: "security and QA engineer",
    things: ["penetration test", "test automation suite", "security audit", "load test", "release testing", "vulnerability assessment"],
    fixed: [300, 15000],
    hourly: [30, 180],
  },
  "music-audio": {
    role: "audio producer",
    things: ["podcast editing", "jingle", "voice-over recording", "mixing and mastering", "game sound design", "audiobook narration"],
    fixed: [50, 3000],
    hourly: [20, 90],
  },
  "education-tutoring": {
    role: "tutor",
    things: ["online course", "exam preparation sessions", "curriculum design", "coding lessons", "language lessons", "training workshop"],
    fixed: [100, 5000],
    hourly: [15, 80],
  },
  "hr-recruiting": {
    role: "recruiter",
    things: [
      "technical hiring campaign",
      "job descriptions",
      "employee handbook",
      "candidate sourcing",
      "onboarding program",
      "salary benchmark",
    ],
    fixed: [200, 8000],
    hourly: [25, 120],
  },
};
