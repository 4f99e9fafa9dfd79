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
    diabetes diabetic a1c condition chemical imbalance""".split()
)

MEDICATION = frozenset(
    """med meds medication medications medicine pill pills dose doses dosage dosing mg milligrams tablet
    tablets script prescription prescribed refill taper tapering wean titrate ssri ssris snri antidepressant
    antidepressants antipsychotic antipsychotics benzo benzos sertraline zoloft prozac fluoxetine lexapro
    escitalopram celexa citalopram paxil wellbutrin bupropion effexor venlafaxine cymbalta lithium depakote
    lamictal lamotrigine seroquel quetiapine abilify aripiprazole risperdal risperidone zyprexa olanzapine
    clozapine haldol xanax alprazolam ativan lorazepam klonopin clonazepam valium diazepam adderall ritalin
    vyvanse concerta suboxone subutex buprenorphine methadone naltrexone vivitrol narcan naloxone antabuse
    trazodone ambien melatonin gabapentin patch gum nicotine insulin metformin shot injection""".split()
)

JUDGMENT = frozenset(
    """addict addicts junkie junkies druggie alcoholic drunk drunks clean dirty crazy insane nuts psycho
    lazy stupid dumb idiot idiotic ridiculous pathetic selfish manipulative manipulating noncompliant
    non-compliant attention-seeking dramatic drama overreacting overreact excuses excuse irresponsible
    immature weak mess loser failure bad terrible awful wrong foolish careless reckless ungrateful
    seriously really honestly again obviously clearly shame ashamed embarrassing disgusting""".split()
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
