"""Word lists behind the cue features and the span tagger.

These are cues, not rules: the classifier learns how much each one counts,
and the corpus includes hard negatives that use the same words innocently.
"""

from __future__ import annotations

FILLERS = frozenset(
    "um uh erm er hmm mm ah oh okay ok so well like yeah yes alright right and but look listen honestly "
    "just now see hey anyway then".split()
)

IMPERATIVE_VERBS = frozenset(
    """
    call go stop take get tell quit try make put give start keep leave sign come drop pick write throw text talk
    see ask bring check eat sleep move cut find apply fill pour flush dump block delete unfollow walk run drink
    use avoid stay hang wait listen read follow remember forget focus think breathe calm relax chill cheer grow
    man toughen suck snap pull lay knock cool settle shut get set book show turn hand let pay send clean tidy
    break report attend join sit put hold push reach admit accept own face deal be do don't dont stay quit
    """.split()
)

SECOND_PERSON = frozenset("you you're youre your yours yourself you'll you've you'd ya u ur y'all".split())
FIRST_PERSON = frozenset("i i'm im me my mine myself i've i'd i'll we us our".split())

OBLIGATION = frozenset(
    "need needs have has gotta got must should shouldn't better ought supposed required mandatory "
    "rule rules allowed can't cannot won't".split()
)

PROMISE = frozenset(
    """promise promised promising guarantee guaranteed swear swore definitely certainly absolutely surely
    always never forever anytime whenever everything fine okay ok alright sure bet trust secret between
    nobody noone anyone ever totally""".split()
)

DIAGNOSIS = frozenset(
    """bipolar ptsd c-ptsd cptsd ocd adhd add depression depressed depressive anxiety anxious panic
    schizophrenia schizophrenic schizoaffective psychosis psychotic manic mania hypomanic borderline bpd
    autism autistic spectrum asperger's aspergers disorder disorders diagnosis diagnose diagnosed symptom
    symptoms syndrome clinical textbook classic paranoia paranoid delusion delusions delusional hallucination
    hallucinations hallucinating dissociation dissociative dissociating narcissist narcissistic sociopath
    psychopath insomnia agoraphobia phobia eating anorexia bulimia bulimic anorexic addiction dependence
    withdrawal withdrawals relapse trauma traumatic triggered postpartum seasonal personality dementia
    diabetes diabetic a1c condition chemical imbalance
    compulsive obsessive hoarder agoraphobic phobic
    dysthymia cyclothymia cyclothymic catatonic catatonia tourette's tourettes dyslexia dyslexic dysphoria
    dysmorphia dysmorphic histrionic avoidant codependent codependency alcoholism
    depersonalization depersonalisation derealization derealisation hypervigilance hypervigilant pathological
    clinically comorbid neurosis neurotic psychosomatic hypochondria hypochondriac insomniac mdd gad pmdd
    prodromal delirium dts wernicke korsakoff neuropathy cirrhosis hepatitis pancreatitis cystitis fibromyalgia
    thyroid hypothyroid hyperthyroid anemia anaemia anemic anaemic ibs epilepsy epileptic
    tbi hypertension apnea apnoea copd lupus menopause perimenopause pcos
    endometriosis deficiency deficient""".split()
)

MEDICATION = frozenset(
    """med meds medication medications medicine pill pills dose doses dosage dosing mg milligrams tablet
    tablets script prescription prescribed refill taper tapering wean titrate ssri ssris snri antidepressant
    antidepressants antipsychotic antipsychotics benzo benzos sertraline zoloft prozac fluoxetine lexapro
    escitalopram celexa citalopram paxil wellbutrin bupropion effexor venlafaxine cymbalta lithium depakote
    lamictal lamotrigine seroquel quetiapine abilify aripiprazole risperdal risperidone zyprexa olanzapine
    clozapine haldol xanax alprazolam ativan lorazepam klonopin clonazepam valium diazepam adderall ritalin
    vyvanse concerta suboxone subutex buprenorphine methadone naltrexone vivitrol narcan naloxone antabuse
    trazodone ambien melatonin gabapentin patch gum nicotine insulin metformin shot injection subs bupe sublocade
    zopiclone zolpidem mirtazapine remeron propranolol pregabalin lyrica hydroxyzine clonidine prazosin""".split()
)

JUDGMENT = frozenset(
    """addict addicts junkie junkies druggie alcoholic drunk drunks clean dirty crazy insane nuts psycho
    lazy stupid dumb idiot idiotic ridiculous pathetic selfish manipulative manipulating noncompliant
    non-compliant attention-seeking dramatic drama overreacting overreact excuses excuse irresponsible
    immature weak mess loser failure bad terrible awful wrong foolish careless reckless ungrateful
    seriously really honestly again obviously clearly shame ashamed embarrassing disgusting
    entitled spoiled spoilt whiny whining whinging needy clingy hysterical crybaby brat bratty freeloader
    deadbeat scrounger leech useless worthless spineless gutless coward cowardly liar sneaky shady stoner
    stoners tweaker tweakers crackhead crackheads pillhead pillheads cokehead methhead fiend fiends lowlife
    scum trash trashy degenerate hypocrite hypocritical arrogant gullible nutter nutcase loony lunatic wimp
    wuss snowflake touchy moody dramatics theatrics tantrum tantrums sulking slob bum shameful disgraceful
    disgrace pitiful""".split()
)

HEDGES = frozenset("maybe perhaps probably might possibly kinda sorta guess suppose wonder think".split())
NEGATION = frozenset("not no never n't nothing nobody none neither nor cannot can't won't don't dont".split())
REPORTING = frozenset("said says told tells mentioned asked wants wanted recommended explained".split())
AUTHORITIES = frozenset(
    "doctor doctors doc psychiatrist therapist counselor counsellor nurse prescriber po officer judge "
    "caseworker case worker clinician pharmacist provider team probation parole landlord".split()
)
PERMISSION_OPEN = frozenset("would could can may".split())
WH = frozenset("what how which where when who why".split())
CHOICE = frozenset("choice call decide decision choose want wants like prefer matters matter options".split())
STRENGTH = frozenset(
    "strength strong strengths proud courage guts brave effort worked work handled managed stuck "
    "progress resilient resilience".split()
)

# Common English verbs (base forms) for the rewriter's clause analysis: with no tagger offline, a word is
# treated as a verb only when it is here or in IMPERATIVE_VERBS.
COMMON_VERBS = frozenset(
    """
    accept add admit agree allow answer apologize apply argue arrange ask attend avoid bake be become begin
    believe blame borrow bother breathe bring build buy call calm care carry catch change chat check choose
    clean clear climb close collect come complain consider contact continue cook cope cry cut dance date
    decide delete describe disappear discuss do double drink drive drop dump eat email end enjoy enter
    exercise explain fail fall feel fight figure file fill find finish fix focus follow forget forgive get
    give go grab graduate grow handle hang happen hate have head hear help hide hire hit hold hope hurry
    ignore imagine improve join jump keep kick kill knock know laugh learn leave let lie listen live lock
    look lose love lower make manage mark marry meet mention message mind miss move need notice offer open
    order own pack pay phone pick plan play post practice practise pray prepare promise protect pull punch
    push put quit raise reach read rebuild recheck recover refill relapse relax remember remind rent repeat
    replace reply report request rest restart return ring rush save say scream search see sell send set
    settle share shout show shower sign sit skip sleep slow smoke snap speak spend split stand start stay
    step stick stop study submit swallow switch take talk taper tell text thank think throw tidy touch
    train travel treat try turn unplug update upload use visit vote wait wake walk want wash watch wear
    wean win wish work worry write yell
    """.split()
)
SLANG_FILLERS = frozenset(
    "tbh tho idk imo imho fwiw ngl lol lmao omg rn prob probs bc cuz cos coz ya yall y'all u'll u're u've "
    "u'd ur urs urself yo bro bruh dude man mate girl hun hon real talk like literally basically honestly "
    "seriously totally swear promise guarantee guaranteed promised sure def definitely".split()
)
